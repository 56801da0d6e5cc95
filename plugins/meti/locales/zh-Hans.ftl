# Ministry of Economy, Trade and Industry plugin, Simplified Chinese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
