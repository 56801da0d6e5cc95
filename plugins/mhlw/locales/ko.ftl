# Ministry of Health, Labour and Welfare plugin, Korean: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
