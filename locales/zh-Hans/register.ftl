# The public register page and its CSV headings (Simplified Chinese).

register-title = 特定接种 登记企业公布名单
register-intro = 已获得特定接种登记的企业的公布事项（企业名称、业务类型、营业场所的名称和所在地、登记日期、登记编号）。
register-search-label = 按企业名称、营业场所名称或所在地搜索
register-prefecture-label = 都道府县
register-search-button = 搜索
register-col-number = 登记编号
register-col-registered-on = 登记日期
register-col-applicant = 企业名称
register-col-business-type = 业务类型
register-col-establishment = 营业场所名称
register-col-address = 营业场所所在地
register-empty = 没有符合条件的登记企业。
register-next = 下一页
register-csv = 以 CSV 格式下载
