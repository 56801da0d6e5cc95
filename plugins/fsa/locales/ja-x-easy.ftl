# Financial Services Agency plugin, やさしい日本語: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
fsa-bank-duties = 登録（とうろく）する 銀行の 仕事
fsa-bank-duties-help = 登録（とうろく）する 仕事に 入る 銀行の 仕事を 選んでください。預金（よきん）、お金を 貸す こと、お金を 送る こと（決済（けっさい））、現金を 出す ことです。
fsa-bank-duty-deposits = 預金（よきん）を 払い出す ことなど
fsa-bank-duty-lending = お金を 貸す こと
fsa-bank-duty-settlement = お金を 送る こと・決済（けっさい）
fsa-bank-duty-cash-supply = 現金を 出す こと
fsa-bank-duties-only-banking = 銀行の 仕事の 種類は、事業の種類（じぎょうの しゅるい）が 「銀行業」の ときだけ 書く ことが できます。
fsa-bank-duties-missing = 銀行の 仕事の 種類が 書いて ありません。銀行業（ぎんこうぎょう）で 登録（とうろく）する 仕事を 選んでください。
