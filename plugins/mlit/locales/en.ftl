# Ministry of Land, Infrastructure, Transport and Tourism plugin: its own review messages (labels of business types are generated from catalogue.json).
