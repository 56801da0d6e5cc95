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
