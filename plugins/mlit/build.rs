//! Compiles catalogue.json into static rule tables (no JSON parsing at review time).

fn main() {
    plugin_api::catalogue::generate_rules_file();
}
