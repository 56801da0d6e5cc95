# The public register page and its CSV headings.

register-title = Public register of Tokutei Sesshu registrations
register-intro = The published items of businesses registered for priority vaccination (特定接種): business name, business type, establishment name and address, registration date and registration number.
register-search-label = Search by business name, establishment name or address
register-prefecture-label = Prefecture
register-search-button = Search
register-col-number = Registration number
register-col-registered-on = Registered on
register-col-applicant = Business name
register-col-business-type = Business type
register-col-establishment = Establishment
register-col-address = Establishment address
register-empty = No registered business matches.
register-next = Next page
register-csv = Download as CSV
