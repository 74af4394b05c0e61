//! The racers' colours: Okabe and Ito's palette for colour-blind readers
//! ("Color Universal Design", 2002), without its black, in an order that puts
//! the most distinct hues first. On the heat map each path also gets a dark
//! halo, so even the yellow reads on viridis' yellow end.

/// `#rrggbb` and its channels, one per racer.
pub const RACER_COLOURS: [(&str, [u8; 3]); 6] = [
    ("#e69f00", [0xe6, 0x9f, 0x00]), // orange
    ("#56b4e9", [0x56, 0xb4, 0xe9]), // sky blue
    ("#009e73", [0x00, 0x9e, 0x73]), // bluish green
    ("#cc79a7", [0xcc, 0x79, 0xa7]), // reddish purple
    ("#d55e00", [0xd5, 0x5e, 0x00]), // vermilion
    ("#f0e442", [0xf0, 0xe4, 0x42]), // yellow
];

/// Racer `index`'s colour (the palette repeats past six).
pub fn racer_colour(index: usize) -> (&'static str, [u8; 3]) {
    RACER_COLOURS[index % RACER_COLOURS.len()]
}
