# Core messages: API errors and notices (English).

## Notices
notice-pre_registration_accepted = We have sent a link to the application form to the address you entered. If no mail arrives, check the address for mistakes and try again.
notice-draft_saved = Your draft has been saved.
notice-submitted = Your application has been submitted. We have sent you a confirmation mail.
notice-password_set = Your password has been set. Please log in.
notice-password_changed = Your password has been changed.
notice-password_reset_accepted = If the details match our records, we have sent you a link to set a new password.
notice-logged_out = You have been logged out.

## Errors: request fields
error-email_required = Enter your e-mail address.
error-email_too_long = The e-mail address must be at most { $max } characters long.
error-email_invalid = The e-mail address is not valid. Use half-width characters, like name@example.jp.
error-email_mismatch = The two e-mail addresses do not match. Enter the same address twice.
error-phone_required = Enter the phone number given in your application.
error-login_id_required = Enter your login ID (the e-mail address you applied with).
error-password_required = Enter your password.
error-password_too_short = The password must be at least { $min } characters long.
error-password_too_long = The password must be at most { $max } characters long.
error-password_common = This password is too common and easy to guess. Choose another one.
error-password_context = A password made from the name of this service or programme is easy to guess. Choose another one.
error-body_invalid_json = The request body is not valid JSON.
error-body_not_object = The request body must be a JSON object.
error-submit_body_unknown_field = The only field a submit request may have is revision.
error-revision_invalid = revision must be a whole number.
error-document_not_object = The application document must be a JSON object.
error-postal_code_unknown = This postal code was not found. Check the number, or choose the prefecture and city from the lists.
error-postal_code_invalid = A postal code is 7 digits.

## Errors: links, state and sessions
error-link_invalid = This link is not valid. Use the link exactly as it appears in the mail, or start again from "First time here".
error-link_expired = This link has expired. Start again from "First time here" and we will send you a new link. What you entered has been kept.
error-application_already_submitted = This application has already been submitted. Log in to see it.
error-revision_mismatch = The application changed after you confirmed it (current revision: { $current }). Check it again, then submit.
error-findings_block_submission = The application cannot be submitted because it has errors. Correct the fields listed.
error-idempotency_key_missing = Send an Idempotency-Key header.
error-idempotency_key_invalid = The Idempotency-Key header must be at most 255 visible ASCII characters.
error-idempotency_key_reused = This Idempotency-Key was already used for a different request. Use a new key.
error-password_link_invalid = This password link is not valid, was already used, or has expired. Request a new one with "Forgot your password?" on the login page.
error-invalid_credentials = The login ID or password is wrong.
error-too_many_attempts = Too many attempts. Try again in { $seconds } seconds.
error-unauthenticated = Please log in.
error-current_password_wrong = The current password is wrong.

## Errors: protocol
error-invalid_request = Some of the input is not valid.
error-not_found = The page or data you asked for was not found.
error-method_not_allowed = This operation is not available at this address.
error-payload_too_large = The data sent is too large (limit { $max } bytes).
error-unsupported_media_type = Send the request with Content-Type: application/json.
error-too_many_requests = Too many requests from this connection. Please wait { $seconds } s and try again.
error-service_busy = The service is busy. Please try again shortly.
error-cross_origin_request = A request sent from another site is not accepted. Please use this site's own pages.
error-internal = Something went wrong on our side. Please try again later. Nothing you entered was lost.

## Errors: FTE calculator
error-fte_input_invalid = Give the standard weekly hours (standard_weekly_hours), full-time staff (full_time) and work patterns (patterns: people and hours_per_week) as numbers.
error-fte_standard_hours_out_of_range = The standard working week must be above 0 and at most { $max } hours.
error-fte_pattern_hours_out_of_range = Hours per week must be between 0 and the standard week (people who work the whole standard week count as full-time).
error-fte_too_many_decimals = Give hours with at most two decimals.
error-fte_too_large = The numbers are too large to compute.

## Errors: staff, review and registration
error-field_required = Fill in this field.
error-field_too_long = This must be at most { $max } characters long.
error-tenant_id_invalid = A tenant ID is 2 to 32 characters long and uses only lowercase letters, digits and hyphens (-).
error-business_type_unknown = No installed plugin declares this business type. Check the business type code.
error-staff_role_invalid = This role is not allowed here. Use central_admin in the central tenant, and ministry_admin or reviewer in a ministry.
error-totp_code_required = Enter the 6-digit code shown in your authenticator app.
error-limit_out_of_range = limit must be a whole number from 1 to { $max }.
error-queue_status_invalid = status must be open, inquiry or decided.
error-cursor_invalid = The cursor is not valid. Use the next_cursor of the previous page exactly as given.
error-reason_required = Give a reason when you reject.
error-decision_invalid = decision must be accept or reject.
error-inquiry_paths_count = Choose between 1 and { $max } fields for the inquiry.
error-inquiry_path_invalid = This field does not exist, or your ministry cannot see it. Choose the fields for the inquiry again.
error-inquiry_change_not_flagged = This field was not flagged by the inquiry and cannot be changed now. Change only the fields the inquiry is about.
error-change_empty = Nothing differs from the registered record. Enter what has changed, then file the notification.
error-forbidden = Your role does not allow this.
error-staff_unauthenticated = Log in as staff with your e-mail address, password and authenticator code.
error-tenant_exists = A tenant with this ID already exists. Choose another ID.
error-tenant_not_ministry = Business types can only be assigned to a ministry.
error-business_type_owned = Another ministry already owns one of these business types. Check the assignment.
error-staff_email_taken = A staff member with this e-mail address already exists.
error-staff_cannot_disable_self = You cannot disable your own account. Ask another administrator.
error-line_not_in_review = This establishment and business type is not under review now. Reload to see its current state.
error-inquiry_not_possible = Inquiries can be sent only while the application is under review.
error-review_not_complete = Before registering, decide every establishment and business type, and wait until every inquiry is answered.
error-inquiry_not_open = This inquiry has already been answered.
error-application_changed = The application changed meanwhile. Reload and try again.
error-change_already_pending = A change notification is already under review. Wait for its result before filing another.
error-application_not_registered = Change notifications can be filed only for registered applications.
error-enrolment_link_invalid = This enrolment link is unknown, was already used, or has expired. Ask your administrator for a new one.

## Pages
page-apply-title = Priority vaccination registration
page-apply-not_yet = This link is valid and what you entered is saved. The on-screen form is not ready yet; until it is, use the API (GET/PUT /api/v1/drafts/…).
page-password-title = Set your password
page-password-label = New password
page-password-hint = 8 to 128 characters. No need to mix symbols or digits; a long phrase is best. Common passwords are refused.
page-password-submit = Set password

## Excel template (core/workbook)
workbook-column-establishment_name = Establishment name
workbook-column-postal_code = Postal code (7 digits)
workbook-column-prefecture = Prefecture
workbook-column-city = City / ward / town
workbook-column-street = Street address (incl. building)
workbook-column-phone = Phone (from the area code)
workbook-column-fax = Fax (optional)
workbook-column-email = E-mail (optional)
workbook-column-total_staff = Total staff at the establishment
workbook-column-business_type = Business type
workbook-column-sub_type_1 = Sub-type 1
workbook-column-sub_type_2 = Sub-type 2 (if any)
workbook-column-registered_staff_own = Registered staff, own (full-time equivalent)
workbook-column-registered_staff_external = Registered staff, external (full-time equivalent)
workbook-column-note = Note (breakdown by target work)
workbook-column-vaccination_site_status = Vaccination site secured?
workbook-column-vaccination_site_name = Vaccination site name
workbook-column-vaccination_site_name_kana = Vaccination site name (reading in hiragana)
workbook-column-vaccination_site_postal_code = Vaccination site postal code
workbook-column-vaccination_site_prefecture = Vaccination site prefecture
workbook-column-vaccination_site_city = Vaccination site city
workbook-column-vaccination_site_street = Vaccination site street address
workbook-column-vaccination_site_phone = Vaccination site phone
workbook-column-vaccination_site_plan_note = If not yet secured: your plan
workbook-site-secured = Secured
workbook-site-not_yet_secured = Not yet secured
workbook-error-count = Enter a whole number of 0 or more.
workbook-error-prefecture = Choose a prefecture from the list.
workbook-error-business-type = This is not a code from the list. Pick one from the list or type a valid code.
workbook-error-site-status = Choose from the list.
workbook-guide-title = Priority vaccination registration: establishment template
workbook-guide-rows = On the establishments sheet, enter one row per establishment and business type. If an establishment has several business types, repeat its details on several rows.
workbook-guide-keys = Row 2 holds the column keys used for the upload: do not change or delete it. Start entering data on row 3.
workbook-guide-counts = Registered staff are full-time equivalents, rounded up to a whole number per establishment and business type.
workbook-guide-types = Business type and sub-types can be picked from the lists. Of "name [code]", the code in brackets is what is read; you may also type the code yourself.
workbook-guide-site = If no vaccination site is secured yet, choose "Not yet secured" and describe your plan (do not enter dummy values).
workbook-guide-upload = You will upload the filled file from the application form (the upload screen is being prepared).

## Plugins
notice-plugin_unavailable = The automatic checks of { $ministry } could not run. The ministry will check this part by hand (this is not your mistake).
error-plugin_refused = This plugin cannot be installed; see detail for the reason (nothing was changed).
error-plugin_version_not_found = No such stored version of this ministry's plugin.
error-admin_disabled = The admin API is disabled (TOROKU_ADMIN_TOKEN is not set).
error-admin_unauthorized = Admin API authentication failed.
