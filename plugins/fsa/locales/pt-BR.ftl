# Financial Services Agency plugin, Brazilian Portuguese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
fsa-bank-duties = Atividades bancárias abrangidas pelo registro
fsa-bank-duties-help = Escolha as atividades bancárias que fazem parte do trabalho abrangido (depósitos, empréstimos, transferências e liquidação, fornecimento de dinheiro).
fsa-bank-duty-deposits = Saques de depósitos e similares
fsa-bank-duty-lending = Concessão de empréstimos
fsa-bank-duty-settlement = Transferências e liquidação de pagamentos
fsa-bank-duty-cash-supply = Fornecimento de dinheiro em espécie
fsa-bank-duties-only-banking = As atividades bancárias só podem ser informadas quando o tipo de atividade for "Bancos".
fsa-bank-duties-missing = As atividades bancárias que fazem parte do trabalho abrangido pelo registro não foram informadas.
