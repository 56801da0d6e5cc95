//! The toroku binary.
fn main() {}
