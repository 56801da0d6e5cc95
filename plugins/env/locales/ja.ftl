# 環境省 plugin: its own review messages (labels of business types are generated from catalogue.json).
