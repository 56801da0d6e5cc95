# Ministry of Economy, Trade and Industry plugin: its own review messages (labels of business types are generated from catalogue.json).
