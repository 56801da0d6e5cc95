//! The domain crate's one integration test binary: rules checked through the public API.

mod application;
mod check;
mod corporate_number;
mod fte;
mod locales;
mod normalise;
mod robustness;
mod support;
mod text;
