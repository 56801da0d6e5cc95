# Messages of application findings (Brazilian Portuguese). Id: finding-<code>. Variables are the
# finding's args. Japanese (locales/ja) is canonical.

## Automatic corrections (info)

finding-postal_code_normalised = O código postal foi corrigido de "{ $from }" para "{ $to }" (7 dígitos de largura simples).
finding-phone_normalised = O número foi corrigido de "{ $from }" para "{ $to }" (dígitos de largura simples, sem hífens nem parênteses).
finding-email_normalised = Os caracteres de largura dupla do endereço de e-mail foram convertidos para largura simples: "{ $to }".
finding-kana_normalised = A leitura foi corrigida de "{ $from }" para "{ $to }" (hiragana, sem espaços).
finding-name_width_normalised = Os katakana de largura simples foram convertidos para largura dupla: "{ $to }".
finding-number_normalised = O número de pessoas "{ $from }" foi lido como o número { $to }.
finding-corporate_number_normalised = O número foi corrigido de "{ $from }" para "{ $to }" (apenas dígitos de largura simples).
finding-registered_staff_total_computed = O total de funcionários no trabalho abrangido pelo registro é calculado automaticamente: o valor digitado { $from } foi substituído por { $to } (soma dos funcionários próprios e das empresas externas).
finding-address_filled_from_postal_code = "{ $to }" foi preenchido a partir do código postal { $postal_code }. Verifique.

## Errors (must be fixed)

finding-invalid_type = { $expected ->
    [string] Informe um texto.
    [integer] Informe um número inteiro com dígitos de largura simples.
    [boolean] Escolha "sim" ou "não".
    [object] O formato deste campo não é válido. Preencha-o novamente.
    [array] O formato deste campo não é válido. Preencha-o novamente como uma lista.
   *[other] O formato deste campo não é válido.
}
finding-required = Este campo é obrigatório. Preencha-o.
finding-too_long = Informe no máximo { $max } caracteres (atualmente { $length }).
finding-number_negative = Informe um número igual ou maior que 0 (valor informado: { $value }).
finding-number_not_integer = Informe um número inteiro; arredonde as frações para cima (valor informado: { $value }).
finding-number_too_large = O número { $value } é grande demais. Informe no máximo { $max }.
finding-program_invalid = O tipo de solicitação "{ $value }" não é aceito. Recomece pelo formulário de solicitação da Vacinação Específica.
finding-founder_invalid = Escolha a natureza do solicitante: "privado" ou "governo nacional, província ou município".
finding-public_body_class_invalid = Escolha a classe do órgão público: "governo nacional", "província" ou "município".
finding-public_body_class_not_applicable = A classe do órgão público só se aplica ao governo nacional, a províncias e a municípios. Para um solicitante privado, deixe em branco.
finding-declaration_required = Confirme que nada nesta solicitação é falso e marque a declaração.
finding-postal_code_invalid = O código postal "{ $value }" não é válido. Informe 7 dígitos de largura simples, sem hífen (ex.: 1008916).
finding-phone_invalid = O número "{ $value }" não é válido. Informe 10 ou 11 dígitos de largura simples a partir do código de área, sem hífens nem parênteses (ex.: 0335953426).
finding-email_invalid = O formato do endereço de e-mail "{ $value }" não é válido. Use letras e números de largura simples (ex.: soumu@example.jp).
finding-kana_not_hiragana = A leitura contém o caractere "{ $character }", que não é permitido. Escreva a leitura em hiragana de largura dupla, sem espaços.
finding-prefecture_unknown = A província "{ $value }" não é válida. Escolha uma da lista (ex.: 東京都, 北海道, 大阪府).
finding-industrial_physician_required = { $founder ->
    [public] Para informar o número de funcionários de empresas externas no trabalho abrangido, é preciso ter nomeado um médico do trabalho (exceto para seguro social, assistência social e cuidados de longa duração).
   *[private] Sem um médico do trabalho nomeado, a empresa não pode solicitar o registro (exceto para seguro social, assistência social e cuidados de longa duração).
}
finding-business_continuity_plan_required = { $founder ->
    [public] Para informar o número de funcionários de empresas externas no trabalho abrangido, é preciso ter elaborado um plano de continuidade de negócios.
   *[private] Sem um plano de continuidade de negócios, a empresa não pode solicitar o registro.
}
finding-note1_required = Informe na observação 1 o número da licença ou autorização (ou o número de registro empresarial, quando a atividade não exige licença).
finding-corporate_number_check_digit_invalid = O número corporativo "{ $value }" não é válido. Verifique os 13 dígitos e informe-o novamente.
finding-proxy_prefix_missing = Em uma solicitação por procuração, o nome de cada estabelecimento deve começar com o nome da empresa representada, como "（〇〇社代理）" (valor informado: { $name }).
finding-proxy_franchisee_statement_required = Em uma solicitação por procuração, todas as empresas representadas devem ter nomeado um médico do trabalho e elaborado um plano de continuidade de negócios.
finding-establishment_required = Registre pelo menos um estabelecimento.
finding-business_line_required = Registre pelo menos um tipo de atividade para este estabelecimento.
finding-business_type_unknown = O tipo de atividade "{ $value }" não é elegível para registro. Escolha um da lista.
finding-business_line_duplicate = Este tipo de atividade ({ $business_type } / { $sub_type_1 }) repete a linha { $duplicate_of } deste estabelecimento. Junte-as em uma única linha.
finding-vaccination_site_status_invalid = Escolha se a instituição médica para a vacinação está "Garantido" ou "Ainda não garantido".

## Warnings (please check)

finding-legal_form_abbreviated = Escreva a forma jurídica por extenso: "{ $full }" em vez de "{ $abbreviation }".
finding-not_full_width = Há o caractere de largura simples "{ $character }". Use caracteres de largura dupla.
finding-postal_code_unknown = O código postal { $value } não foi encontrado. Verifique o número e escolha a província e o município nas listas.
finding-address_postal_code_mismatch = O endereço não corresponde ao código postal { $postal_code } (endereço do código postal: { $candidates }). Verifique.
finding-registered_staff_own_exceeds_total_staff = O número de funcionários próprios no trabalho abrangido ({ $own }) é maior que o total de funcionários deste estabelecimento ({ $total_staff }). Verifique os números.
finding-registered_staff_zero = O número de funcionários no trabalho abrangido pelo registro é 0. Verifique os números.
finding-power_of_attorney_not_submitted = Em uma solicitação por procuração, envie uma cópia do contrato de mandato (procuração) ao ministério responsável.

# Extra fields declared by the responsible ministry's plugin ($field = the field's key).
finding-extra_field_required = O ministério responsável precisa deste campo ({ $field }). Preencha-o.
finding-extra_field_wrong_kind = Este campo ({ $field }) tem o tipo de valor errado (informe como { $expected }).
finding-extra_field_below_min = Este campo ({ $field }) deve ser no mínimo { $min }.
finding-extra_field_above_max = Este campo ({ $field }) deve ser no máximo { $max }.
finding-extra_field_too_long = Este campo ({ $field }) deve ter no máximo { $max } caracteres.
finding-extra_field_pattern_mismatch = Este campo ({ $field }) não está escrito no formato esperado. Veja o exemplo.
finding-extra_field_not_a_choice = Escolha um valor da lista para este campo ({ $field }).
