# The public register page and its CSV headings (Brazilian Portuguese).

register-title = Publicação das empresas registradas na Vacinação Específica
register-intro = Itens publicados das empresas registradas na Vacinação Específica (特定接種): nome da empresa, tipo de atividade, nome e endereço do estabelecimento, data do registro e número de registro.
register-search-label = Pesquisar por nome da empresa, nome do estabelecimento ou endereço
register-prefecture-label = Província
register-search-button = Pesquisar
register-col-number = Número de registro
register-col-registered-on = Data do registro
register-col-applicant = Nome da empresa
register-col-business-type = Tipo de atividade
register-col-establishment = Nome do estabelecimento
register-col-address = Endereço do estabelecimento
register-empty = Nenhuma empresa registrada corresponde à pesquisa.
register-next = Próxima página
register-csv = Baixar em CSV
