# Ministry of Economy, Trade and Industry plugin, Vietnamese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
