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
