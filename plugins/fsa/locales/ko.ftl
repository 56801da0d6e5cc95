# Financial Services Agency plugin, Korean: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
fsa-bank-duties = 등록 대상이 되는 은행 업무
fsa-bank-duties-help = 등록 대상 업무에 해당하는 은행 업무를 선택해 주십시오(예금, 대출, 환·결제, 현금 공급).
fsa-bank-duty-deposits = 예금 인출 등
fsa-bank-duty-lending = 자금 대출
fsa-bank-duty-settlement = 환·자금 결제
fsa-bank-duty-cash-supply = 현금 공급
fsa-bank-duties-only-banking = 은행 업무 구분은 사업 종류가 "은행업"인 경우에만 입력할 수 있습니다.
fsa-bank-duties-missing = 은행업의 등록 대상 업무에 해당하는 은행 업무 구분이 입력되어 있지 않습니다.
