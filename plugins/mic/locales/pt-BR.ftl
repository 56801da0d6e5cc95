# Ministry of Internal Affairs and Communications plugin, Brazilian Portuguese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
