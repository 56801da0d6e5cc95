# 公表（登録事業者の一覧）のページと CSV の見出し。

register-title = 特定接種 登録事業者の公表
register-intro = 特定接種の登録を受けた事業者の公表事項（事業者名、事業の種類、事業所の名称・所在地、登録年月日、登録番号）です。
register-search-label = 事業者名・事業所名・所在地で検索
register-prefecture-label = 都道府県
register-search-button = 検索
register-col-number = 登録番号
register-col-registered-on = 登録年月日
register-col-applicant = 事業者名
register-col-business-type = 事業の種類
register-col-establishment = 事業所の名称
register-col-address = 事業所の所在地
register-empty = 該当する登録事業者はありません。
register-next = 次のページ
register-csv = CSV でダウンロード
