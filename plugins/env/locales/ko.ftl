# Ministry of the Environment plugin, Korean: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
