//! Numbers as text: each formatter's output.

use rnn_playground::format::{
    compact, exact, loss, millis, readable, scientific, significant, tick, weight,
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
