# Ministry of Agriculture, Forestry and Fisheries plugin, Simplified Chinese: its own review messages (labels of business types are generated from catalogue.json, where their translations live).
