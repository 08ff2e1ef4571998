//! Fuzz target: the image header readers (`kheo::load::image_size`) on arbitrary bytes,
//! under every extension they dispatch on. They must return, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["a.png", "a.jpg", "a.gif", "a.webp", "a.avif", "a.svg"] {
        let _ = kheo::load::image_size(name, data);
    }
});
