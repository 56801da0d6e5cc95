# Messages of application findings. Id: finding-<code>. Variables are the finding's args.
# Japanese (locales/ja) is canonical.

## Automatic corrections (info)

finding-postal_code_normalised = Postal code changed from "{ $from }" to "{ $to }" (7 half-width digits).
finding-phone_normalised = Number changed from "{ $from }" to "{ $to }" (half-width digits, no hyphens or brackets).
finding-email_normalised = Full-width characters in the e-mail address were made half-width: "{ $to }".
finding-kana_normalised = Reading changed from "{ $from }" to "{ $to }" (hiragana, no spaces).
finding-name_width_normalised = Half-width katakana were made full-width: "{ $to }".
finding-number_normalised = The count "{ $from }" was read as the number { $to }.
finding-corporate_number_normalised = Number changed from "{ $from }" to "{ $to }" (half-width digits only).
finding-registered_staff_total_computed = The registered staff total is calculated automatically: the typed { $from } was replaced by { $to } (own plus external staff).
finding-address_filled_from_postal_code = "{ $to }" was filled in from postal code { $postal_code }. Please check it.

## Errors (must be fixed)

finding-invalid_type = { $expected ->
    [string] Enter text here.
    [integer] Enter a whole number in half-width digits.
    [boolean] Choose yes or no.
    [object] This entry has the wrong format. Please enter it again.
    [array] This entry has the wrong format. Please enter it again as a list.
   *[other] This entry has the wrong format.
}
finding-required = This field is required.
finding-too_long = Enter at most { $max } characters (currently { $length }).
finding-number_negative = Enter 0 or more (you entered { $value }).
finding-number_not_integer = Enter a whole number; round any fraction up (you entered { $value }).
finding-number_too_large = { $value } is too large. Enter at most { $max }.
finding-program_invalid = The program "{ $value }" is not accepted. Start again from the 特定接種 application form.
finding-founder_invalid = Choose the kind of applicant: private, or national / prefectural / municipal body.
finding-public_body_class_invalid = Choose the class of public body: national, prefecture or municipality.
finding-public_body_class_not_applicable = The class of public body applies only to public bodies. Leave it empty for a private applicant.
finding-declaration_required = Confirm that nothing in this application is false by ticking the declaration.
finding-postal_code_invalid = The postal code "{ $value }" is not valid. Enter 7 half-width digits without a hyphen (e.g. 1008916).
finding-phone_invalid = The number "{ $value }" is not valid. Enter 10 or 11 half-width digits starting with the area code, without hyphens or brackets (e.g. 0335953426).
finding-email_invalid = The e-mail address "{ $value }" is not valid. Use half-width characters, e.g. soumu@example.jp.
finding-kana_not_hiragana = The reading contains "{ $character }", which is not allowed. Write the reading in full-width hiragana without spaces.
finding-prefecture_unknown = "{ $value }" is not a prefecture. Choose one from the list (e.g. 東京都, 北海道, 大阪府).
finding-industrial_physician_required = { $founder ->
    [public] A public body that reports external contractors' staff must have appointed an industrial physician (not needed for social insurance, social welfare and care businesses).
   *[private] Without an appointed industrial physician the business cannot register (not needed for social insurance, social welfare and care businesses).
}
finding-business_continuity_plan_required = { $founder ->
    [public] A public body that reports external contractors' staff must have a business continuity plan.
   *[private] Without a business continuity plan the business cannot register.
}
finding-note1_required = Enter the permit or licence number in note 1 (or the company's corporate number where the trade needs no permit).
finding-corporate_number_check_digit_invalid = The corporate number "{ $value }" is not valid: its check digit does not match. Check the 13 digits and enter it again.
finding-proxy_prefix_missing = In a proxy application each establishment name must start with the franchisee's name, like "（〇〇社代理）". You entered "{ $name }".
finding-proxy_franchisee_statement_required = A proxy application requires that every franchisee has appointed an industrial physician and has a business continuity plan.
finding-establishment_required = List at least one establishment.
finding-business_line_required = List at least one business type for this establishment.
finding-business_type_unknown = The business type "{ $value }" is not eligible. Choose one from the list.
finding-business_line_duplicate = This business type ({ $business_type } / { $sub_type_1 }) repeats line { $duplicate_of } of this establishment. Combine them into one line.
finding-vaccination_site_status_invalid = Choose whether a vaccination site is secured or not yet secured.

## Warnings (please check)

finding-legal_form_abbreviated = Write the legal form in full: "{ $full }" instead of "{ $abbreviation }".
finding-not_full_width = This contains the half-width character "{ $character }". Use full-width characters.
finding-postal_code_unknown = The postal code { $value } was not found. Check it, then choose the prefecture and city from the lists.
finding-address_postal_code_mismatch = The address does not match postal code { $postal_code } (it belongs to { $candidates }). Please check it.
finding-registered_staff_own_exceeds_total_staff = Own registered staff ({ $own }) exceed this establishment's total staff ({ $total_staff }). Please check the numbers.
finding-registered_staff_zero = This business type registers no staff. Please check the numbers.
finding-power_of_attorney_not_submitted = For a proxy application, send a copy of the power of attorney to the responsible ministry.

# Extra fields declared by the responsible ministry's plugin ($field = the field's key).
finding-extra_field_required = The responsible ministry needs this field ({ $field }). Please fill it in.
finding-extra_field_wrong_kind = This field ({ $field }) has the wrong kind of value (expected: { $expected }).
finding-extra_field_below_min = This field ({ $field }) must be at least { $min }.
finding-extra_field_above_max = This field ({ $field }) must be at most { $max }.
finding-extra_field_too_long = This field ({ $field }) must be at most { $max } characters long.
finding-extra_field_pattern_mismatch = This field ({ $field }) is not written in the expected form. Check the example.
finding-extra_field_not_a_choice = Choose a value for this field ({ $field }) from the list.
