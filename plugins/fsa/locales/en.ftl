# Financial Services Agency plugin: its own review messages (labels of business types are generated from catalogue.json).
fsa-bank-duties = Banking duties of the registered staff
fsa-bank-duties-help = Choose the banking duties that are target work (deposits, lending, settlement, cash supply).
fsa-bank-duty-deposits = Deposit withdrawals
fsa-bank-duty-lending = Lending
fsa-bank-duty-settlement = Transfers and settlement
fsa-bank-duty-cash-supply = Cash supply
fsa-bank-duties-only-banking = Banking duties can only be given for the business type "Banking".
fsa-bank-duties-missing = The banking duties of the registered staff are not given.
