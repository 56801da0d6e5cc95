# Mail subjects and bodies (English).

mail-signature =
    --------------
    Tokutei Sesshu registration system (Tōroku)
    This address does not receive replies.

mail-pre-registration-subject = [Tokutei Sesshu] Your link to the registration form
mail-pre-registration-body =
    Thank you for starting your application for priority vaccination (特定接種) registration.

    Open the application form with the link below. What you enter is saved as you go, and the same link lets you continue at any time.

    { $link }

    This link is valid until { $expires }.
    If it expires, enter your e-mail address again under "First time here" and we will send you a new link (nothing you entered is lost).

    If you have many establishments, you can fill in the Excel template and upload them at once.
    Template: { $template_link }

    This link is for you only. Do not forward it.
    If you did not ask for this, ignore this mail.

    { mail-signature }

mail-pre-registration-existing-subject = [Tokutei Sesshu] An application was already submitted for this address
mail-pre-registration-existing-body =
    An application for priority vaccination registration has already been submitted with this e-mail address. One address can submit one application.

    Log in to see your application: { $login_link }

    If you do not know your password, you can set a new one here:
    { $reset_link }

    If you did not ask for this, ignore this mail.

    { mail-signature }

mail-submitted-subject = [Tokutei Sesshu] We have received your application
mail-submitted-body =
    We have received your application for priority vaccination registration.

    Application number: { $application_id }
    Login ID: { $login_id }

    You log in to see your application and to answer questions from the responsible ministry.
    Set your password with the link below (it works once).

    { $password_link }

    This link is valid until { $expires }.
    If it expires, use "Forgot your password?" on the login page.

    { mail-signature }

mail-password-reset-subject = [Tokutei Sesshu] Set a new password
mail-password-reset-body =
    We received a request to reset your password. Set a new password with the link below (it works once).

    { $link }

    This link is valid until { $expires }.
    If you did not ask for this, ignore this mail; your password stays as it is.

    { mail-signature }

mail-password-changed-subject = [Tokutei Sesshu] Your password was changed
mail-password-changed-body =
    The password of your account has just been changed.

    If this was not you, set a new password at once with "Forgot your password?" on the login page.

    { mail-signature }

mail-staff-enrolment-subject = [Tokutei Sesshu] Set up your staff account
mail-staff-enrolment-body =
    A staff account has been created for you in the Tokutei Sesshu registration system.

    Set your password and set up your authenticator app (the one-time code you enter as a second step when you log in) with the link below (it works once).

    { $link }

    This link is valid until { $expires }.
    If it expires, ask your administrator for a new one.

    Never tell anyone the authenticator secret (the QR code or key) or share it.
    If you did not expect this, ignore this mail.

    { mail-signature }

mail-inquiry-opened-subject = [Tokutei Sesshu] A question about your application
mail-inquiry-opened-body =
    { $ministry } has sent an inquiry (疑義照会) about your application for priority vaccination registration ({ $opened }).

    ---- Message ----
    { $message }
    ---- End of message ----

    Fields concerned:
    { $fields }

    Log in with the link below to answer. Only the fields concerned can be changed. When you have corrected them, submit the application again.
    Log in: { $login_link }

    { mail-signature }

mail-registered-subject = [Tokutei Sesshu] Your registration is complete
mail-registered-body =
    We have reviewed your application for priority vaccination registration and registered it as follows.

    Registration number: { $registration_number }
    Registered on: { $registered_on }
    Valid until: { $valid_until } (the last valid day)

    Registered establishments and business types, with the registered headcount:
    { $lines }

    Not registered, with the reason:
    { $rejected }

    Log in and file a change notification (変更の届出) when:
    - any published item changes
    - the registered headcount changes by 5% or more, up or down
    - your phone number or e-mail address changes
    - the vaccination site changes
    - you secure a vaccination site (file within 30 days of securing it)

    Registration by itself does not give anyone the right to a dose.

    { mail-signature }

mail-registration-rejected-subject = [Tokutei Sesshu] The result of the review of your application
mail-registration-rejected-body =
    We have reviewed your application for priority vaccination registration (application number: { $application_id }). No part of it could be registered.

    What could not be registered, with the reasons:
    { $reasons }

    If you have questions, contact the responsible ministry.

    { mail-signature }

mail-change-accepted-subject = [Tokutei Sesshu] Your change notification was accepted
mail-change-accepted-body =
    Your change notification for registration { $registration_number } has been accepted.

    Your registered record and the public register have been updated with the new details.

    { mail-signature }

mail-change-rejected-subject = [Tokutei Sesshu] Your change notification was not accepted
mail-change-rejected-body =
    Your change notification for registration { $registration_number } was reviewed and was not accepted.

    Reasons:
    { $reasons }

    Your registered record stays as it was.
    You may correct the notification and file it again.

    { mail-signature }
