# Core messages: API errors and notices (Brazilian Portuguese). Japanese (locales/ja) is canonical.
# Termos: Vacinação Específica (特定接種), registro (登録), empresa (事業者), estabelecimento (事業所),
# tipo de atividade (事業の種類), pedido de esclarecimento (疑義照会), ministério responsável (担当府省庁).

## Notices
notice-pre_registration_accepted = Enviamos um link para o formulário de solicitação ao endereço de e-mail informado. Se o e-mail não chegar, verifique se o endereço está correto e tente novamente.
notice-draft_saved = O rascunho foi salvo.
notice-submitted = Sua solicitação foi enviada. Enviamos um e-mail de confirmação.
notice-password_set = Sua senha foi definida. Faça login.
notice-password_changed = Sua senha foi alterada.
notice-password_reset_accepted = Se os dados informados corresponderem ao cadastro, enviamos por e-mail um link para redefinir a senha.
notice-logged_out = Você saiu do sistema.

## Errors: request fields
error-email_required = Informe o endereço de e-mail.
error-email_too_long = O endereço de e-mail deve ter no máximo { $max } caracteres.
error-email_invalid = O formato do endereço de e-mail não é válido. Use letras e números de largura simples (half-width), como "name@example.jp".
error-email_mismatch = Os endereços de e-mail não coincidem. Digite o mesmo endereço duas vezes.
error-phone_required = Informe o número de telefone registrado na solicitação.
error-login_id_required = Informe o ID de login (o endereço de e-mail usado na solicitação).
error-password_required = Informe a senha.
error-password_too_short = A senha deve ter pelo menos { $min } caracteres.
error-password_too_long = A senha deve ter no máximo { $max } caracteres.
error-password_common = Esta senha é muito comum e fácil de adivinhar, por isso não pode ser usada. Escolha outra senha.
error-password_context = Uma senha feita a partir do nome deste serviço ou programa é fácil de adivinhar. Escolha outra senha.
error-body_invalid_json = Não foi possível ler o corpo da requisição como JSON.
error-body_not_object = O corpo da requisição deve ser um objeto JSON.
error-submit_body_unknown_field = O único campo permitido em uma requisição de envio é revision.
error-revision_invalid = revision deve ser um número inteiro.
error-document_not_object = Os dados da solicitação devem ser um objeto JSON.
error-postal_code_unknown = Este código postal não foi encontrado. Verifique o número ou escolha a província (todofuken) e o município nas listas.
error-postal_code_invalid = Informe o código postal com 7 dígitos.

## Errors: links, state and sessions
error-link_invalid = Este link não é válido. Use o link exatamente como aparece no e-mail ou recomece pelo "Primeiro acesso".
error-link_expired = Este link expirou. Recomece pelo "Primeiro acesso" e enviaremos um novo link. O que você já preencheu está salvo.
error-application_already_submitted = Esta solicitação já foi enviada. Faça login para consultá-la.
error-revision_mismatch = A solicitação foi alterada depois que a tela de confirmação foi exibida (versão atual: { $current }). Verifique o conteúdo novamente e envie.
error-findings_block_submission = A solicitação não pode ser enviada porque contém erros. Verifique as mensagens de cada campo e corrija-os.
error-idempotency_key_missing = Informe o cabeçalho Idempotency-Key.
error-idempotency_key_invalid = O cabeçalho Idempotency-Key deve ter no máximo 255 caracteres ASCII visíveis.
error-idempotency_key_reused = Este Idempotency-Key já foi usado em uma requisição com outro conteúdo. Use uma nova chave.
error-password_link_invalid = Este link para definir a senha não é válido, já foi usado ou expirou. Solicite um novo em "Esqueceu a senha?" na tela de login.
error-invalid_credentials = O ID de login ou a senha estão incorretos.
error-too_many_attempts = Muitas tentativas. Tente novamente em { $seconds } segundos.
error-unauthenticated = Faça login.
error-current_password_wrong = A senha atual está incorreta.

## Errors: protocol
error-invalid_request = Há erros nos dados informados.
error-not_found = A página ou os dados procurados não foram encontrados.
error-method_not_allowed = Esta operação não está disponível neste endereço.
error-payload_too_large = Os dados enviados são grandes demais (limite de { $max } bytes).
error-unsupported_media_type = Envie com Content-Type: application/json.
error-too_many_requests = Muitas solicitações desta conexão. Aguarde { $seconds } s e tente novamente.
error-service_busy = O serviço está sobrecarregado. Tente novamente em alguns instantes.
error-cross_origin_request = Uma solicitação enviada de outro site não é aceita. Use as páginas deste site.
error-internal = Ocorreu um problema no sistema. Tente novamente mais tarde. Nada do que você preencheu foi perdido.

## Errors: FTE calculator
error-fte_input_invalid = Para o cálculo de equivalente a tempo integral, informe em números a jornada semanal padrão (standard_weekly_hours), o número de funcionários em tempo integral (full_time) e os padrões de trabalho (patterns: número de pessoas people e horas por semana hours_per_week).
error-fte_standard_hours_out_of_range = A jornada semanal padrão deve ser maior que 0 e de no máximo { $max } horas.
error-fte_pattern_hours_out_of_range = As horas por semana devem ser de 0 até a jornada padrão (quem trabalha a jornada padrão completa conta como funcionário em tempo integral).
error-fte_too_many_decimals = Informe as horas com no máximo duas casas decimais.
error-fte_too_large = Os números são grandes demais para o cálculo.

## Errors: staff, review and registration
error-field_required = Preencha este campo.
error-field_too_long = Informe no máximo { $max } caracteres.
error-tenant_id_invalid = O ID do tenant deve ter de 2 a 32 caracteres e usar apenas letras minúsculas, dígitos e hífens (-) de largura simples.
error-business_type_unknown = Nenhum plugin instalado define este tipo de atividade. Verifique o código do tipo de atividade.
error-staff_role_invalid = Esta função não pode ser atribuída aqui. Use central_admin no tenant da administração central e ministry_admin ou reviewer em um ministério.
error-totp_code_required = Informe o código de 6 dígitos exibido no aplicativo autenticador.
error-limit_out_of_range = limit deve ser um número inteiro de 1 a { $max }.
error-queue_status_invalid = status deve ser open, inquiry ou decided.
error-cursor_invalid = O cursor não é válido. Use o next_cursor da página anterior exatamente como foi fornecido.
error-reason_required = Ao indeferir (reject), informe o motivo.
error-decision_invalid = decision deve ser accept ou reject.
error-inquiry_paths_count = Escolha de 1 a { $max } campos para o pedido de esclarecimento.
error-inquiry_path_invalid = Este campo não existe ou não pode ser analisado pelo seu ministério. Escolha novamente os campos do pedido de esclarecimento.
error-inquiry_change_not_flagged = Este campo não faz parte do pedido de esclarecimento e não pode ser alterado agora. Altere somente os campos indicados no pedido.
error-change_empty = Nada difere do registro atual. Informe o que mudou e depois envie a comunicação.
error-forbidden = Você não tem permissão para realizar esta operação.
error-staff_unauthenticated = Faça login como servidor (são necessários o endereço de e-mail, a senha e o código do aplicativo autenticador).
error-tenant_exists = Já existe um tenant com este ID. Escolha outro ID.
error-tenant_not_ministry = Tipos de atividade só podem ser atribuídos a tenants de ministérios.
error-business_type_owned = Alguns dos tipos de atividade indicados já estão sob a responsabilidade de outro ministério. Verifique a atribuição.
error-staff_email_taken = Já existe um servidor cadastrado com este endereço de e-mail.
error-staff_cannot_disable_self = Você não pode desativar a sua própria conta. Peça a outro administrador.
error-line_not_in_review = Este estabelecimento e tipo de atividade não está em análise no momento. Atualize a tela para ver a situação atual.
error-inquiry_not_possible = Pedidos de esclarecimento só podem ser feitos enquanto a solicitação estiver em análise.
error-review_not_complete = Para registrar, é preciso decidir o resultado da análise de todos os estabelecimentos e tipos de atividade e ter recebido resposta a todos os pedidos de esclarecimento.
error-inquiry_not_open = Este pedido de esclarecimento já foi respondido.
error-application_changed = A solicitação foi alterada durante a operação. Atualize a tela e tente novamente.
error-change_already_pending = Já há uma comunicação de alteração em análise. Aguarde o resultado antes de enviar outra.
error-application_not_registered = Comunicações de alteração só podem ser feitas para solicitações já registradas.
error-enrolment_link_invalid = Este link de cadastro não é válido, já foi usado ou expirou. Peça um novo link ao administrador.

## Pages
page-apply-title = Solicitação de registro para a Vacinação Específica
page-apply-not_yet = Este link é válido e o que você preencheu está salvo. O formulário na tela ainda está em preparação. Até lá, use a API (GET/PUT /api/v1/drafts/…).
page-password-title = Definir a senha
page-password-label = Nova senha
page-password-hint = De 8 a 128 caracteres. Não é preciso misturar símbolos ou números; uma frase longa (frase-senha) é o ideal. Senhas comuns não são aceitas.
page-password-submit = Definir

## Excel template (core/workbook)
workbook-column-establishment_name = Nome do estabelecimento
workbook-column-postal_code = Código postal (7 dígitos)
workbook-column-prefecture = Província (todofuken)
workbook-column-city = Município
workbook-column-street = Endereço (até o nome do edifício)
workbook-column-phone = Telefone (a partir do código de área)
workbook-column-fax = Fax (opcional)
workbook-column-email = E-mail (opcional)
workbook-column-total_staff = Total de funcionários
workbook-column-business_type = Tipo de atividade
workbook-column-sub_type_1 = Subtipo 1 do tipo de atividade
workbook-column-sub_type_2 = Subtipo 2 do tipo de atividade (se houver)
workbook-column-registered_staff_own = Funcionários no trabalho abrangido pelo registro (próprios, equivalente a tempo integral)
workbook-column-registered_staff_external = Funcionários no trabalho abrangido pelo registro (empresas externas, equivalente a tempo integral)
workbook-column-note = Observações (detalhamento por trabalho abrangido)
workbook-column-vaccination_site_status = Local de vacinação garantido?
workbook-column-vaccination_site_name = Nome da instituição médica que aplicará a vacina
workbook-column-vaccination_site_name_kana = Nome da instituição médica que aplicará a vacina (leitura em hiragana)
workbook-column-vaccination_site_postal_code = Código postal da instituição médica que aplicará a vacina
workbook-column-vaccination_site_prefecture = Província da instituição médica que aplicará a vacina
workbook-column-vaccination_site_city = Município da instituição médica que aplicará a vacina
workbook-column-vaccination_site_street = Endereço da instituição médica que aplicará a vacina
workbook-column-vaccination_site_phone = Telefone da instituição médica que aplicará a vacina
workbook-column-vaccination_site_plan_note = Plano, se ainda não garantido (ex.: em estudo a vacinação no hospital ○○)
workbook-site-secured = Garantido
workbook-site-not_yet_secured = Ainda não garantido
workbook-error-count = Informe um número inteiro igual ou maior que 0.
workbook-error-prefecture = Escolha a província na lista.
workbook-error-business-type = Este não é um código da lista. Escolha um da lista ou digite um código válido.
workbook-error-site-status = Escolha uma opção da lista.
workbook-guide-title = Solicitação de registro para a Vacinação Específica: modelo para registro de estabelecimentos em lote
workbook-guide-rows = Na planilha "establishments", preencha uma linha para cada combinação de estabelecimento e tipo de atividade. Se um estabelecimento tiver vários tipos de atividade, repita os dados do estabelecimento em várias linhas.
workbook-guide-keys = Os nomes de coluna em letras latinas da linha 2 são usados na importação. Não os altere nem os apague. Comece a preencher a partir da linha 3.
workbook-guide-counts = O número de funcionários no trabalho abrangido pelo registro é convertido em equivalente a tempo integral e informado como número inteiro, arredondado para cima por estabelecimento e tipo de atividade.
workbook-guide-types = O tipo de negócio e os subtipos podem ser escolhidos nas listas. De "nome [código]", o que vale é o código entre colchetes; você também pode digitar o código.
workbook-guide-site = Se ainda não houver instituição médica garantida para a vacinação, escolha "Ainda não garantido" e descreva o seu plano (não informe valores fictícios).
workbook-guide-upload = O arquivo preenchido pode ser importado no formulário de solicitação (a tela de importação está em preparação).

## Plugins
notice-plugin_unavailable = Não foi possível executar as verificações automáticas de { $ministry }. O ministério responsável verificará esta parte (não é um erro do solicitante).
error-plugin_refused = Este plugin não pode ser instalado. Veja o motivo em detail (nada foi alterado).
error-plugin_version_not_found = Não há essa versão armazenada do plugin deste ministério.
error-admin_disabled = A API de administração está desativada (TOROKU_ADMIN_TOKEN não está definido).
error-admin_unauthorized = Falha na autenticação da API de administração.
