# Financial Services Agency plugin, Simplified Chinese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
fsa-bank-duties = 属于登记对象的银行业务
fsa-bank-duties-help = 请选择属于登记对象业务的银行业务（存款、贷款、汇兑・结算、现金供应）。
fsa-bank-duty-deposits = 存款的支付等
fsa-bank-duty-lending = 资金的贷放
fsa-bank-duty-settlement = 汇兑・资金结算
fsa-bank-duty-cash-supply = 现金的供应
fsa-bank-duties-only-banking = 只有业务类型为“银行业”时，才能填写银行业务的类别。
fsa-bank-duties-missing = 未填写属于银行业登记对象业务的银行业务类别。
