# 金融庁 plugin: its own review messages (labels of business types are generated from catalogue.json).
fsa-bank-duties = 登録対象となる銀行業務
fsa-bank-duties-help = 登録対象業務に当たる銀行業務を選んでください（預金、貸出、為替・決済、現金供給）。
fsa-bank-duty-deposits = 預金の払戻し等
fsa-bank-duty-lending = 資金の貸付け
fsa-bank-duty-settlement = 為替・資金決済
fsa-bank-duty-cash-supply = 現金の供給
fsa-bank-duties-only-banking = 銀行業務の区分は、事業の種類が「銀行業」の場合だけ入力できます。
fsa-bank-duties-missing = 銀行業の登録対象業務に当たる銀行業務の区分が入力されていません。
