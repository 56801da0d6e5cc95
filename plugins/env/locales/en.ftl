# Ministry of the Environment plugin: its own review messages (labels of business types are generated from catalogue.json).
