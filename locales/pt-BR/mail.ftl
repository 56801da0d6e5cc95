# Mail subjects and bodies (Brazilian Portuguese). Every body ends with the sender's signature.

mail-signature =
    ──────────────
    Sistema de registro da Vacinação Específica (Tōroku)
    Este e-mail é apenas para envio. Respostas a ele não serão lidas.

mail-pre-registration-subject = [Vacinação Específica] Link para o formulário de solicitação de registro
mail-pre-registration-body =
    Obrigado por iniciar a solicitação de registro para a Vacinação Específica (特定接種).

    Abra o formulário de solicitação pelo link abaixo. O que você preencher é salvo automaticamente, e o mesmo link permite continuar a qualquer momento.

    { $link }

    Validade deste link: { $expires }
    Se o link expirar, informe novamente o seu endereço de e-mail em "Primeiro acesso" e enviaremos um novo link (nada do que você preencheu será perdido).

    Se você tiver muitos estabelecimentos, pode preencher o modelo em Excel e importá-los de uma só vez.
    Modelo: { $template_link }

    Este link é só para você. Não o encaminhe a outras pessoas.
    Se você não fez este pedido, desconsidere este e-mail.

    { mail-signature }

mail-pre-registration-existing-subject = [Vacinação Específica] Já foi enviada uma solicitação com este endereço de e-mail
mail-pre-registration-existing-body =
    Já foi enviada uma solicitação de registro para a Vacinação Específica com este endereço de e-mail. Cada endereço de e-mail pode enviar uma única solicitação.

    Faça login para consultar a sua solicitação.
    Login: { $login_link }

    Se você não souber a sua senha, pode redefini-la na página a seguir.
    { $reset_link }

    Se você não fez este pedido, desconsidere este e-mail.

    { mail-signature }

mail-submitted-subject = [Vacinação Específica] Recebemos a sua solicitação de registro
mail-submitted-body =
    Recebemos a sua solicitação de registro para a Vacinação Específica.

    Número da solicitação: { $application_id }
    ID de login: { $login_id }

    Para consultar a solicitação e responder aos pedidos de esclarecimento do ministério responsável, faça login.
    Defina a sua senha pelo link abaixo (válido uma única vez).

    { $password_link }

    Validade deste link: { $expires }
    Se o link expirar, use "Esqueceu a senha?" na tela de login.

    { mail-signature }

mail-password-reset-subject = [Vacinação Específica] Redefinição de senha
mail-password-reset-body =
    Recebemos um pedido de redefinição de senha. Defina uma nova senha pelo link abaixo (válido uma única vez).

    { $link }

    Validade deste link: { $expires }
    Se você não fez este pedido, desconsidere este e-mail. A sua senha não será alterada.

    { mail-signature }

mail-password-changed-subject = [Vacinação Específica] A sua senha foi alterada
mail-password-changed-body =
    A senha da sua conta foi alterada.

    Se não foi você, redefina a senha imediatamente em "Esqueceu a senha?" na tela de login.

    { mail-signature }

mail-staff-enrolment-subject = [Vacinação Específica] Configuração da sua conta de servidor
mail-staff-enrolment-body =
    Foi criada uma conta de servidor para você no sistema de registro da Vacinação Específica.

    Pelo link abaixo, defina a sua senha e configure o aplicativo autenticador (verificação em duas etapas com senha de uso único) (válido uma única vez).

    { $link }

    Validade deste link: { $expires }
    Se o link expirar, peça um novo ao administrador.

    Nunca revele nem compartilhe com ninguém a chave secreta (o código QR) cadastrada no aplicativo autenticador.
    Se você não esperava este e-mail, desconsidere-o.

    { mail-signature }

mail-inquiry-opened-subject = [Vacinação Específica] Pedido de esclarecimento sobre a sua solicitação
mail-inquiry-opened-body =
    { $ministry } enviou um pedido de esclarecimento (疑義照会) sobre a sua solicitação de registro para a Vacinação Específica ({ $opened }).

    ──── Mensagem ────
    { $message }
    ──── Fim da mensagem ────

    Campos em questão:
    { $fields }

    Faça login pelo link abaixo para responder. Só os campos em questão podem ser alterados. Depois de corrigi-los, envie a solicitação novamente.
    Login: { $login_link }

    { mail-signature }

mail-registered-subject = [Vacinação Específica] O registro foi concluído
mail-registered-body =
    Analisamos a sua solicitação de registro para a Vacinação Específica e efetuamos o registro conforme abaixo.

    Número de registro: { $registration_number }
    Data do registro: { $registered_on }
    Validade: { $valid_until } (válido até esta data, inclusive)

    Estabelecimentos e tipos de atividade registrados, com o número de pessoas registradas:
    { $lines }

    Estabelecimentos e tipos de atividade não registrados, com o motivo:
    { $rejected }

    Faça login e envie uma comunicação de alteração (変更の届出) nos seguintes casos:
    - quando houver alteração em algum item publicado
    - quando o número de pessoas registradas aumentar ou diminuir 5% ou mais
    - quando o número de telefone ou o endereço de e-mail mudar
    - quando a instituição médica que aplicará a vacina mudar
    - quando você garantir uma instituição médica para a vacinação (comunique em até 30 dias da data em que a garantiu)

    O registro, por si só, não dá direito a receber a Vacinação Específica.

    { mail-signature }

mail-registration-rejected-subject = [Vacinação Específica] Resultado da análise da sua solicitação de registro
mail-registration-rejected-body =
    Analisamos a sua solicitação de registro para a Vacinação Específica (número da solicitação: { $application_id }). Nenhum estabelecimento ou tipo de atividade pôde ser registrado.

    Estabelecimentos e tipos de atividade não registrados, com os motivos:
    { $reasons }

    Em caso de dúvidas, entre em contato com o ministério responsável.

    { mail-signature }

mail-change-accepted-subject = [Vacinação Específica] A sua comunicação de alteração foi aceita
mail-change-accepted-body =
    A sua comunicação de alteração referente ao registro da Vacinação Específica (número de registro: { $registration_number }) foi aceita.

    O registro e as informações publicadas foram atualizados com os dados comunicados.

    { mail-signature }

mail-change-rejected-subject = [Vacinação Específica] A sua comunicação de alteração não foi aceita
mail-change-rejected-body =
    A sua comunicação de alteração referente ao registro da Vacinação Específica (número de registro: { $registration_number }) foi analisada e não pôde ser aceita.

    Motivos:
    { $reasons }

    O registro não foi alterado e continua como antes da comunicação.
    Você pode corrigir o conteúdo e enviar a comunicação de alteração novamente.

    { mail-signature }
