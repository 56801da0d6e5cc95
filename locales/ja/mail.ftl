# Mail subjects and bodies (Japanese, canonical). Every body ends with the sender's signature.

mail-signature =
    ──────────────
    特定接種 登録システム（Tōroku）
    このメールは送信専用です。返信されてもお答えできません。

mail-pre-registration-subject = 【特定接種】登録申請フォームのご案内
mail-pre-registration-body =
    特定接種の登録申請の手続きを始めていただき、ありがとうございます。

    次のリンクから申請フォームを開いてください。入力中の内容は自動的に保存され、同じリンクからいつでも続きを入力できます。

    { $link }

    このリンクの有効期限：{ $expires }
    期限が切れた場合は、「初めての方へ」からもう一度メールアドレスを登録すると、新しいリンクをお送りします（入力済みの内容は失われません）。

    事業所が多い場合は、Excel のひな形に記入してまとめて取り込むことができます。
    ひな形：{ $template_link }

    このリンクはあなた専用です。他の人に転送しないでください。
    お心当たりのない場合は、このメールを破棄してください。

    { mail-signature }

mail-pre-registration-existing-subject = 【特定接種】このメールアドレスの申請は送信済みです
mail-pre-registration-existing-body =
    このメールアドレスで、特定接種の登録申請はすでに送信されています。1つのメールアドレスで送信できる申請は1件です。

    申請内容の確認は、ログインして行ってください。
    ログイン：{ $login_link }

    パスワードがわからない場合は、次のページから再設定できます。
    { $reset_link }

    お心当たりのない場合は、このメールを破棄してください。

    { mail-signature }

mail-submitted-subject = 【特定接種】登録申請を受け付けました
mail-submitted-body =
    特定接種の登録申請を受け付けました。

    申請番号：{ $application_id }
    ログインID：{ $login_id }

    申請内容の確認や、担当府省庁からの照会への回答は、ログインして行います。
    次のリンクからパスワードを設定してください（1回限り有効）。

    { $password_link }

    このリンクの有効期限：{ $expires }
    期限が切れた場合は、ログイン画面の「パスワードを忘れた方」から設定できます。

    { mail-signature }

mail-password-reset-subject = 【特定接種】パスワード再設定のご案内
mail-password-reset-body =
    パスワード再設定の依頼を受け付けました。次のリンクから新しいパスワードを設定してください（1回限り有効）。

    { $link }

    このリンクの有効期限：{ $expires }
    お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。

    { mail-signature }

mail-password-changed-subject = 【特定接種】パスワードが変更されました
mail-password-changed-body =
    あなたのアカウントのパスワードが変更されました。

    お心当たりのない場合は、ログイン画面の「パスワードを忘れた方」から直ちにパスワードを再設定してください。

    { mail-signature }

mail-staff-enrolment-subject = 【特定接種】職員アカウントの設定のご案内
mail-staff-enrolment-body =
    特定接種 登録システムに、あなたの職員アカウントが作成されました。

    次のリンクから、パスワードの設定と、認証アプリ（ワンタイムパスワードによる2段階認証）の設定を行ってください（1回限り有効）。

    { $link }

    このリンクの有効期限：{ $expires }
    期限が切れた場合は、管理者に新しいリンクの発行を依頼してください。

    認証アプリに登録する秘密鍵（QRコード）は、他の人に教えたり、共有したりしないでください。
    お心当たりのない場合は、このメールを破棄してください。

    { mail-signature }

mail-inquiry-opened-subject = 【特定接種】登録申請の内容について照会があります
mail-inquiry-opened-body =
    特定接種の登録申請の内容について、{ $ministry }から照会（疑義照会）がありました（{ $opened }）。

    ──── 照会内容 ────
    { $message }
    ──── ここまで ────

    照会の対象となっている項目：
    { $fields }

    次のリンクからログインして、照会に回答してください。変更できるのは、照会の対象となっている項目だけです。修正が終わりましたら、申請をもう一度送信してください。
    ログイン：{ $login_link }

    { mail-signature }

mail-registered-subject = 【特定接種】登録が完了しました
mail-registered-body =
    特定接種の登録申請について審査した結果、次のとおり登録しました。

    登録番号：{ $registration_number }
    登録日：{ $registered_on }
    有効期限：{ $valid_until }（この日まで有効です）

    登録した事業所・事業の種類と登録人数：
    { $lines }

    登録しなかった事業所・事業の種類と理由：
    { $rejected }

    次の場合は、ログインして変更の届出を行ってください。
    - 公表されている事項に変更があったとき
    - 登録人数が5%以上増減したとき
    - 電話番号またはメールアドレスが変わったとき
    - 接種実施医療機関が変わったとき
    - 接種実施医療機関を確保したとき（確保した日から30日以内に届け出てください）

    なお、登録されたことのみをもって、特定接種を受けられるものではありません。

    { mail-signature }

mail-registration-rejected-subject = 【特定接種】登録申請の審査結果のお知らせ
mail-registration-rejected-body =
    特定接種の登録申請（申請番号：{ $application_id }）について審査した結果、いずれの事業所・事業の種類も登録できませんでした。

    登録できなかった事業所・事業の種類と理由：
    { $reasons }

    ご不明な点は、担当府省庁にお問い合わせください。

    { mail-signature }

mail-change-accepted-subject = 【特定接種】変更の届出を受理しました
mail-change-accepted-body =
    特定接種の登録（登録番号：{ $registration_number }）について、変更の届出を受理しました。

    届け出られた内容で、登録内容と公表している情報を更新しました。

    { mail-signature }

mail-change-rejected-subject = 【特定接種】変更の届出を受理できませんでした
mail-change-rejected-body =
    特定接種の登録（登録番号：{ $registration_number }）について、変更の届出を審査した結果、受理できませんでした。

    受理できなかった理由：
    { $reasons }

    登録内容は変更されず、届出前のままです。
    内容を修正のうえ、改めて変更の届出を行うことができます。

    { mail-signature }
