# 公表（登録事業者の一覧）のページと CSV の見出し（やさしい日本語）。

register-title = 特定接種（とくていせっしゅ）に 登録（とうろく）した 会社の リスト
register-intro = 特定接種（とくていせっしゅ）に 登録（とうろく）した 会社の 情報です。会社の 名前、事業の種類（じぎょうの しゅるい）、事業所（じぎょうしょ）の 名前と 住所、登録した 日、登録番号が あります。
register-search-label = 会社の 名前、事業所の 名前、住所で 探す
register-prefecture-label = 都道府県
register-search-button = 探す
register-col-number = 登録番号
register-col-registered-on = 登録した 日
register-col-applicant = 会社の 名前
register-col-business-type = 事業の種類
register-col-establishment = 事業所の 名前
register-col-address = 事業所の 住所
register-empty = 当てはまる 会社は ありません。
register-next = 次の ページ
register-csv = CSV で ダウンロード
