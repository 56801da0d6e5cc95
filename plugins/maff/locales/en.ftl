# Ministry of Agriculture, Forestry and Fisheries plugin: its own review messages (labels of business types are generated from catalogue.json).
