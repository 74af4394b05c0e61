//! Numbers as text: each formatter's output, the one number parser, and that
//! the parser reads back what the formatters write.

use proptest::prelude::*;

use rnn_playground::format::{
    Whole, compact, decimal_comma, exact, loss, millis, read_number, read_whole, readable,
    scientific, significant, tick, weight,
};

#[test]
fn exact_is_the_shortest_round_trip_text() {
    assert_eq!(exact(0.5), "0.5");
    assert_eq!(exact(1e-5), "1e-5");
    assert_eq!(exact(2000.0), "2e3");
    assert_eq!(exact(200.0), "200");
    assert_eq!(exact(1.5e-7), "1.5e-7");
    assert_eq!(exact(1e6), "1e6");
    assert_eq!(exact(f64::INFINITY), "inf");
    assert_eq!(exact(f64::NAN), "NaN");
}

#[test]
fn readable_keeps_short_plain_decimals() {
    assert_eq!(readable(0.001), "0.001");
    assert_eq!(readable(200.0), "200");
    assert_eq!(readable(1e-12), "1e-12");
    assert_eq!(readable(1e6), "1000000");
    assert_eq!(readable(1e-6), "0.000001");
    assert_eq!(readable(4294967295.0), "4294967295");
    assert_eq!(readable(1e12), "1e12");
}

#[test]
fn significant_digits_switch_to_exponents_outside_1e_3_to_1e6() {
    assert_eq!(significant(0.0068216123, 5), "0.0068216");
    assert_eq!(significant(0.99947, 5), "0.99947");
    assert_eq!(significant(12.3456, 5), "12.346");
    assert_eq!(significant(123456.7, 5), "123457");
    assert_eq!(significant(1.23456e-5, 5), "1.2346e-5");
    assert_eq!(significant(2.5e7, 5), "2.5000e7");
    assert_eq!(significant(0.0, 5), "0");
    assert_eq!(significant(-0.0, 5), "0");
    assert_eq!(significant(-1e-9, 1), "-1e-9");
    assert_eq!(compact(1.0, 5), "1");
    assert_eq!(compact(0.0012300, 5), "0.00123");
    assert_eq!(compact(2.5e7, 5), "2.5000e7");
}

#[test]
fn scientific_and_tick_labels_drop_trailing_zeros() {
    assert_eq!(scientific(1.5e-7, 3), "1.5e-7");
    assert_eq!(scientific(1e6, 3), "1e6");
    assert_eq!(scientific(1.2345e-5, 4), "1.234e-5");
    assert_eq!(tick(0.5, 1), "0.5");
    assert_eq!(tick(200.0, 0), "200");
    assert_eq!(tick(3e6, 0), "3e6");
    assert_eq!(tick(2e-5, 5), "2e-5");
    assert_eq!(tick(0.0, 2), "0.00");
}

#[test]
fn losses_print_without_nan() {
    assert_eq!(loss(0.0068), "0.006800");
    assert_eq!(loss(12.3456), "12.35");
    assert_eq!(loss(3.0e7), "3e7");
    assert_eq!(loss(1.2345e-5), "1.234e-5");
    assert_eq!(loss(f64::INFINITY), "overflow");
    assert_eq!(loss(f64::NAN), "overflow");
}

#[test]
fn weights_have_three_decimals_and_no_negative_zero() {
    assert_eq!(weight(1.0), "1.000");
    assert_eq!(weight(-0.00012), "0.000");
    assert_eq!(weight(-2.5), "-2.500");
    assert_eq!(weight(f64::NEG_INFINITY), "—");
    assert_eq!(millis(12.345), "12.3");
}

#[test]
fn numbers_read_in_decimal_or_exponent_form() {
    assert_eq!(read_number(" 0.5 "), Some(0.5));
    assert_eq!(read_number("-3"), Some(-3.0));
    assert_eq!(read_number("2.5E3"), Some(2500.0));
    assert_eq!(read_number("1e999"), Some(f64::INFINITY));
    assert_eq!(read_number("-inf"), Some(f64::NEG_INFINITY));
    for text in ["", "abc", "NaN", "1,5", "0x10", "1e", "--1"] {
        assert_eq!(read_number(text), None, "{text}");
    }
}

/// `1,5` is not read as a number, but the message can say what was meant.
#[test]
fn a_decimal_comma_is_recognised_for_the_message() {
    assert_eq!(decimal_comma("1,5"), Some("1.5".to_string()));
    assert_eq!(decimal_comma(" -0,001 "), Some("-0.001".to_string()));
    for text in ["1,5,0", "1.5", "1,5.0", "abc", ",", "1e,5", "15"] {
        assert_eq!(decimal_comma(text), None, "{text}");
    }
}

#[test]
fn a_whole_number_is_one_whatever_its_form() {
    for (text, value) in [
        ("100", 100),
        (" +7 ", 7),
        ("-0", 0),
        ("1e2", 100),
        ("1E2", 100),
        ("100.0", 100),
        ("2.50e1", 25),
        ("5.", 5),
        (".5e1", 5),
        ("0.0e-5", 0),
        ("1e-0", 1),
        ("4294967295", 4_294_967_295),
    ] {
        assert_eq!(read_whole(text), Whole::Value(value), "{text}");
    }
    assert_eq!(read_whole("1e99"), Whole::Value(i128::MAX));
    assert_eq!(
        read_whole("-99999999999999999999999999999999999999999"),
        Whole::Value(-i128::MAX)
    );
    for text in [
        "2.5",
        "1e-1",
        "25e-1",
        "4294967295.0000000001",
        "inf",
        "-infinity",
    ] {
        assert_eq!(read_whole(text), Whole::NotWhole, "{text}");
    }
    for text in ["", "abc", "NaN", "0x10", "1_000"] {
        assert_eq!(read_whole(text), Whole::Invalid, "{text}");
    }
}

/// Any finite f64, from subnormal to huge.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        -1e7f64..1e7,
    ]
}

/// Non-zero numbers far from subnormal and overflow, where rounding to a few
/// digits stays within half a unit of the last one.
fn moderate() -> impl Strategy<Value = f64> {
    let scaled = (any::<bool>(), 1.0f64..10.0, -300i32..300).prop_map(|(negative, m, e)| {
        let x = m * 10f64.powi(e);
        if negative { -x } else { x }
    });
    prop_oneof![
        scaled,
        (-1e7f64..1e7).prop_filter("non-zero", |x| *x != 0.0)
    ]
}

/// The largest absolute error of `x` rounded to `digits` significant digits.
fn half_unit(x: f64, digits: i32) -> f64 {
    0.5 * 10f64.powi(x.abs().log10().floor() as i32 - digits + 1) * (1.0 + 1e-9)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn exact_and_readable_read_back_bit_for_bit(x in finite()) {
        prop_assert_eq!(read_number(&exact(x)).map(f64::to_bits), Some(x.to_bits()));
        prop_assert_eq!(read_number(&readable(x)).map(f64::to_bits), Some(x.to_bits()));
        // A query string would read `+` as a space.
        prop_assert!(!exact(x).contains('+'));
    }

    #[test]
    fn whole_numbers_read_back_in_every_written_form(n in any::<i64>(), k in 0u32..6) {
        prop_assert_eq!(read_whole(&n.to_string()), Whole::Value(n.into()));
        let scaled = i128::from(n) * 10i128.pow(k);
        prop_assert_eq!(read_whole(&format!("{n}e{k}")), Whole::Value(scaled));
        prop_assert_eq!(read_whole(&format!("{n}.000")), Whole::Value(n.into()));
        prop_assert_eq!(read_whole(&format!("{n}.5")), Whole::NotWhole);
        // Where f64 holds it exactly, exact() may pick the exponent form (1e6).
        if n.unsigned_abs() <= 1 << 53 {
            prop_assert_eq!(read_whole(&exact(n as f64)), Whole::Value(n.into()));
            prop_assert_eq!(read_whole(&readable(n as f64)), Whole::Value(n.into()));
        }
    }

    #[test]
    fn whole_and_number_agree(text in "[+-]?[0-9]{0,6}(\\.[0-9]{0,4})?([eE][+-]?[0-9]{1,2})?") {
        match (read_whole(&text), read_number(&text)) {
            (Whole::Value(v), Some(x)) if v.unsigned_abs() < i128::MAX.unsigned_abs() => {
                prop_assert_eq!(v as f64, x)
            }
            (Whole::Value(_), Some(x)) => prop_assert!(x.abs() >= 1e38),
            (Whole::NotWhole, Some(x)) => prop_assert!(x.fract() != 0.0 || x.abs() < 1.0 || !x.is_finite()),
            (Whole::Invalid, None) => {}
            (whole, number) => prop_assert!(false, "{text:?}: {whole:?} vs {number:?}"),
        }
    }

    #[test]
    fn rounded_forms_read_back_within_their_digits(x in moderate()) {
        for digits in 1..=8usize {
            let shown = read_number(&significant(x, digits));
            prop_assert!(shown.is_some_and(|v| (v - x).abs() <= half_unit(x, digits as i32)), "{x} {digits}");
            prop_assert_eq!(read_number(&compact(x, digits)), shown);
        }
        let shown = read_number(&loss(x.abs())).unwrap_or(f64::NAN);
        prop_assert!((shown - x.abs()).abs() <= half_unit(x, 4));
        let shown = read_number(&weight(x)).unwrap_or(f64::NAN);
        // Three decimals below 1e6, four significant digits from there.
        let allowed = if x.abs() < 1e6 { 0.0005 * (1.0 + 1e-9) } else { half_unit(x, 4) };
        prop_assert!((shown - x).abs() <= allowed + x.abs() * 1e-15);
    }
}

/// Values the page makes (not typed) are written as a person would: a tenth of a rate is
/// `1e-6`, not `1.0000000000000002e-6`; a map click lands on the grid's resolution.
#[test]
fn page_made_values_are_rounded_as_a_person_writes_them() {
    use rnn_playground::format::{round_to_step, tidy};
    assert_eq!(exact(1e-5 / 10.0), "1.0000000000000002e-6");
    assert_eq!(exact(tidy(1e-5 / 10.0)), "1e-6");
    assert_eq!(exact(tidy(3.7e-3 / 10.0)), "3.7e-4");
    // A typed value keeps every digit it had.
    assert_eq!(tidy(0.123456789), 0.123456789);
    // A 6-wide view on 256 cells: cells 0.023 wide, so two decimals.
    assert_eq!(
        exact(round_to_step(0.09477124183006536, 6.0 / 256.0)),
        "0.09"
    );
    assert_eq!(exact(round_to_step(-1.234567, 2.0 / 256.0)), "-1.235");
    assert_eq!(exact(round_to_step(2.0, 0.5)), "2");
}

/// Huge values read in scientific notation everywhere, never as 46 digits.
#[test]
fn huge_weights_read_in_scientific_notation() {
    assert_eq!(weight(4.220613136624876e45), "4.221e45");
    assert_eq!(weight(-336731.2796), "-336731.280");
    assert_eq!(weight(-1.0848768e7), "-1.085e7");
    assert_eq!(weight(0.929), "0.929");
}
