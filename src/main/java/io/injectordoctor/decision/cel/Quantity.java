package io.injectordoctor.decision.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A Kubernetes resource quantity ("500m", "1.5Gi", "2e3") as an exact decimal, parsed as
 * k8s.io/apimachinery pkg/api/resource/quantity.go {@code ParseQuantity} and
 * {@code parseQuantityString} do: an optional sign, digits with an optional fraction, then a
 * decimal-SI, binary-SI or exponent suffix. Values below one nano are rounded up to it, as there.
 * Two quantities are equal when their values are ({@code Cmp}), whatever their notation.
 */
final class Quantity {
    static final String FORMAT_WRONG = "quantities must match the regular expression"
            + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String NUMERIC = "unable to parse numeric part of quantity";
    static final String SUFFIX = "unable to parse quantity's suffix";

    final BigDecimal value;

    Quantity(BigDecimal value) {
        this.value = value;
    }

    static Quantity parse(String str) {
        if (str.isEmpty()) {
            throw new LibraryError(FORMAT_WRONG);
        }
        int pos = 0;
        int end = str.length();
        if (str.equals("+") || str.equals("-")) {
            // parseQuantityString: nothing after the sign reads as zero.
            return new Quantity(BigDecimal.ZERO);
        }
        if (str.charAt(0) == '-' || str.charAt(0) == '+') {
            pos++;
        }
        int numberEnd = pos;
        while (numberEnd < end && Character.isDigit(str.charAt(numberEnd)) && str.charAt(numberEnd) < 128) {
            numberEnd++;
        }
        if (numberEnd < end && str.charAt(numberEnd) == '.') {
            numberEnd++;
            while (numberEnd < end && str.charAt(numberEnd) >= '0' && str.charAt(numberEnd) <= '9') {
                numberEnd++;
            }
        }
        String number = str.substring(0, numberEnd);
        String suffix = str.substring(numberEnd);
        checkSuffixShape(suffix);
        BigDecimal multiplier = multiplier(suffix);
        BigDecimal amount;
        try {
            String digits = number.startsWith("+") ? number.substring(1) : number;
            if (digits.endsWith(".")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            amount = new BigDecimal(digits.isEmpty() || digits.equals("-") ? "x" : digits);
        } catch (NumberFormatException e) {
            throw new LibraryError(NUMERIC);
        }
        BigDecimal v = amount.multiply(multiplier);
        // quantity.go: values are kept to nano precision, rounding away from zero.
        if (v.scale() > 9) {
            v = v.setScale(9, RoundingMode.UP);
        }
        return new Quantity(v);
    }

    /** parseQuantityString: suffix letters, then an optional sign and digits; anything else is the wrong format. */
    private static void checkSuffixShape(String suffix) {
        int i = 0;
        while (i < suffix.length() && "eEinumkKMGTP".indexOf(suffix.charAt(i)) >= 0) {
            i++;
        }
        if (i < suffix.length() && (suffix.charAt(i) == '-' || suffix.charAt(i) == '+')) {
            i++;
        }
        while (i < suffix.length() && suffix.charAt(i) >= '0' && suffix.charAt(i) <= '9') {
            i++;
        }
        if (i < suffix.length()) {
            throw new LibraryError(FORMAT_WRONG);
        }
    }

    /** suffix.go {@code interpret}: the decimal and binary SI suffixes, and e/E followed by an integer exponent. */
    private static BigDecimal multiplier(String s) {
        switch (s) {
            case "":
                return BigDecimal.ONE;
            case "n":
                return BigDecimal.ONE.scaleByPowerOfTen(-9);
            case "u":
                return BigDecimal.ONE.scaleByPowerOfTen(-6);
            case "m":
                return BigDecimal.ONE.scaleByPowerOfTen(-3);
            case "k":
                return BigDecimal.ONE.scaleByPowerOfTen(3);
            case "M":
                return BigDecimal.ONE.scaleByPowerOfTen(6);
            case "G":
                return BigDecimal.ONE.scaleByPowerOfTen(9);
            case "T":
                return BigDecimal.ONE.scaleByPowerOfTen(12);
            case "P":
                return BigDecimal.ONE.scaleByPowerOfTen(15);
            case "E":
                return BigDecimal.ONE.scaleByPowerOfTen(18);
            case "Ki":
                return binary(10);
            case "Mi":
                return binary(20);
            case "Gi":
                return binary(30);
            case "Ti":
                return binary(40);
            case "Pi":
                return binary(50);
            case "Ei":
                return binary(60);
            default:
                if (s.length() > 1 && (s.charAt(0) == 'e' || s.charAt(0) == 'E')) {
                    try {
                        int exponent = Integer.parseInt(s.substring(1));
                        return BigDecimal.ONE.scaleByPowerOfTen(exponent);
                    } catch (NumberFormatException e) {
                        throw new LibraryError(SUFFIX);
                    }
                }
                throw new LibraryError(SUFFIX);
        }
    }

    private static BigDecimal binary(int power) {
        return new BigDecimal(BigInteger.ONE.shiftLeft(power));
    }

    static boolean valid(String s) {
        try {
            parse(s);
            return true;
        } catch (LibraryError e) {
            return false;
        }
    }

    int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    /** quantity.go {@code AsInt64}: only a whole number that fits in 64 bits. */
    Long asLong() {
        try {
            return value.stripTrailingZeros().scale() > 0 ? null : value.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
