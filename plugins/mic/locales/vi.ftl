# Ministry of Internal Affairs and Communications plugin, Vietnamese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
