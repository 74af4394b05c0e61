//! The viridis colour map: perceptually uniform, readable in grey scale and by
//! the common forms of colour blindness (van der Walt & Smith, matplotlib 1.5).
//!
//! [`VIRIDIS`] is matplotlib's 256-entry `_viridis_data` table (released under
//! CC0 by its authors), each component rounded to a byte: `round(255·c)`.

/// Overflowed cells (loss beyond f64) are drawn in this neutral light grey:
/// it is not a viridis colour, and the colour bar legend names it.
pub const OVERFLOW_RGB: [u8; 3] = [0xd0, 0xd0, 0xd0];

/// matplotlib's viridis, 0xRRGGBB, from t = 0 (dark purple) to t = 1 (yellow).
#[rustfmt::skip]
pub const VIRIDIS: [u32; 256] = [
    0x440154, 0x440256, 0x450457, 0x450559, 0x46075a, 0x46085c, 0x460a5d, 0x460b5e,
    0x470d60, 0x470e61, 0x471063, 0x471164, 0x471365, 0x481467, 0x481668, 0x481769,
    0x48186a, 0x481a6c, 0x481b6d, 0x481c6e, 0x481d6f, 0x481f70, 0x482071, 0x482173,
    0x482374, 0x482475, 0x482576, 0x482677, 0x482878, 0x482979, 0x472a7a, 0x472c7a,
    0x472d7b, 0x472e7c, 0x472f7d, 0x46307e, 0x46327e, 0x46337f, 0x463480, 0x453581,
    0x453781, 0x453882, 0x443983, 0x443a83, 0x443b84, 0x433d84, 0x433e85, 0x423f85,
    0x424086, 0x424186, 0x414287, 0x414487, 0x404588, 0x404688, 0x3f4788, 0x3f4889,
    0x3e4989, 0x3e4a89, 0x3e4c8a, 0x3d4d8a, 0x3d4e8a, 0x3c4f8a, 0x3c508b, 0x3b518b,
    0x3b528b, 0x3a538b, 0x3a548c, 0x39558c, 0x39568c, 0x38588c, 0x38598c, 0x375a8c,
    0x375b8d, 0x365c8d, 0x365d8d, 0x355e8d, 0x355f8d, 0x34608d, 0x34618d, 0x33628d,
    0x33638d, 0x32648e, 0x32658e, 0x31668e, 0x31678e, 0x31688e, 0x30698e, 0x306a8e,
    0x2f6b8e, 0x2f6c8e, 0x2e6d8e, 0x2e6e8e, 0x2e6f8e, 0x2d708e, 0x2d718e, 0x2c718e,
    0x2c728e, 0x2c738e, 0x2b748e, 0x2b758e, 0x2a768e, 0x2a778e, 0x2a788e, 0x29798e,
    0x297a8e, 0x297b8e, 0x287c8e, 0x287d8e, 0x277e8e, 0x277f8e, 0x27808e, 0x26818e,
    0x26828e, 0x26828e, 0x25838e, 0x25848e, 0x25858e, 0x24868e, 0x24878e, 0x23888e,
    0x23898e, 0x238a8d, 0x228b8d, 0x228c8d, 0x228d8d, 0x218e8d, 0x218f8d, 0x21908d,
    0x21918c, 0x20928c, 0x20928c, 0x20938c, 0x1f948c, 0x1f958b, 0x1f968b, 0x1f978b,
    0x1f988b, 0x1f998a, 0x1f9a8a, 0x1e9b8a, 0x1e9c89, 0x1e9d89, 0x1f9e89, 0x1f9f88,
    0x1fa088, 0x1fa188, 0x1fa187, 0x1fa287, 0x20a386, 0x20a486, 0x21a585, 0x21a685,
    0x22a785, 0x22a884, 0x23a983, 0x24aa83, 0x25ab82, 0x25ac82, 0x26ad81, 0x27ad81,
    0x28ae80, 0x29af7f, 0x2ab07f, 0x2cb17e, 0x2db27d, 0x2eb37c, 0x2fb47c, 0x31b57b,
    0x32b67a, 0x34b679, 0x35b779, 0x37b878, 0x38b977, 0x3aba76, 0x3bbb75, 0x3dbc74,
    0x3fbc73, 0x40bd72, 0x42be71, 0x44bf70, 0x46c06f, 0x48c16e, 0x4ac16d, 0x4cc26c,
    0x4ec36b, 0x50c46a, 0x52c569, 0x54c568, 0x56c667, 0x58c765, 0x5ac864, 0x5cc863,
    0x5ec962, 0x60ca60, 0x63cb5f, 0x65cb5e, 0x67cc5c, 0x69cd5b, 0x6ccd5a, 0x6ece58,
    0x70cf57, 0x73d056, 0x75d054, 0x77d153, 0x7ad151, 0x7cd250, 0x7fd34e, 0x81d34d,
    0x84d44b, 0x86d549, 0x89d548, 0x8bd646, 0x8ed645, 0x90d743, 0x93d741, 0x95d840,
    0x98d83e, 0x9bd93c, 0x9dd93b, 0xa0da39, 0xa2da37, 0xa5db36, 0xa8db34, 0xaadc32,
    0xaddc30, 0xb0dd2f, 0xb2dd2d, 0xb5de2b, 0xb8de29, 0xbade28, 0xbddf26, 0xc0df25,
    0xc2df23, 0xc5e021, 0xc8e020, 0xcae11f, 0xcde11d, 0xd0e11c, 0xd2e21b, 0xd5e21a,
    0xd8e219, 0xdae319, 0xdde318, 0xdfe318, 0xe2e418, 0xe5e419, 0xe7e419, 0xeae51a,
    0xece51b, 0xefe51c, 0xf1e51d, 0xf4e61e, 0xf6e620, 0xf8e621, 0xfbe723, 0xfde725,
];

/// The colour of `t` in [0, 1] (clamped; NaN counts as 0), interpolated
/// linearly between neighbouring table entries.
pub fn viridis(t: f64) -> [u8; 3] {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let position = t * (VIRIDIS.len() - 1) as f64;
    // position is in [0, 255], so both indices are in bounds.
    let lower = position.floor() as usize;
    let upper = (lower + 1).min(VIRIDIS.len() - 1);
    let fraction = position - lower as f64;
    let (a, b) = (rgb(VIRIDIS[lower]), rgb(VIRIDIS[upper]));
    std::array::from_fn(|i| {
        let blend = f64::from(a[i]) * (1.0 - fraction) + f64::from(b[i]) * fraction;
        blend.round() as u8
    })
}

/// The bytes of a 0xRRGGBB colour.
pub fn rgb(packed: u32) -> [u8; 3] {
    let [_, r, g, b] = packed.to_be_bytes();
    [r, g, b]
}

/// `#rrggbb`, for CSS and canvas styles.
pub fn css_hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CIE L* (D65) of an sRGB colour: the lightness a viewer perceives.
    fn lightness([r, g, b]: [u8; 3]) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        let f = if y > 216.0 / 24389.0 {
            y.cbrt()
        } else {
            (24389.0 / 27.0 * y + 16.0) / 116.0
        };
        116.0 * f - 16.0
    }

    #[test]
    fn endpoints_are_matplotlibs() {
        assert_eq!(css_hex(viridis(0.0)), "#440154");
        assert_eq!(css_hex(viridis(1.0)), "#fde725");
        // Table entry 128 is matplotlib's colour for 0.5, its teal #21918c.
        assert_eq!(css_hex(viridis(128.0 / 255.0)), "#21918c");
    }

    #[test]
    fn out_of_range_and_nan_are_clamped() {
        assert_eq!(viridis(-3.0), viridis(0.0));
        assert_eq!(viridis(7.0), viridis(1.0));
        assert_eq!(viridis(f64::NAN), viridis(0.0));
    }

    #[test]
    fn lightness_rises_monotonically() {
        // Byte rounding makes L* wobble by < 0.15 between neighbours; over the
        // whole map it must climb from dark (≈15) to light (≈91).
        let samples: Vec<f64> = (0..=1000)
            .map(|i| lightness(viridis(i as f64 / 1000.0)))
            .collect();
        for pair in samples.windows(2) {
            assert!(pair[1] >= pair[0] - 0.15, "lightness drops: {pair:?}");
        }
        for window in samples.windows(50) {
            assert!(window[49] > window[0], "lightness flat over {window:?}");
        }
        assert!(samples[0] < 20.0 && samples[1000] > 85.0);
    }

    #[test]
    fn table_is_smooth() {
        // A transcription error in the table shows up as a jump between neighbours.
        for pair in VIRIDIS.windows(2) {
            let (a, b) = (rgb(pair[0]), rgb(pair[1]));
            for i in 0..3 {
                assert!(
                    a[i].abs_diff(b[i]) <= 3,
                    "{:06x} -> {:06x}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn overflow_colour_is_not_in_the_map() {
        let distance = |a: [u8; 3], b: [u8; 3]| -> u32 {
            (0..3).map(|i| u32::from(a[i].abs_diff(b[i]))).sum()
        };
        let nearest = VIRIDIS
            .iter()
            .map(|&c| distance(rgb(c), OVERFLOW_RGB))
            .min()
            .unwrap_or(0);
        assert!(
            nearest > 100,
            "overflow grey too close to viridis: {nearest}"
        );
    }
}
