# Ministry of Land, Infrastructure, Transport and Tourism plugin, やさしい日本語: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
