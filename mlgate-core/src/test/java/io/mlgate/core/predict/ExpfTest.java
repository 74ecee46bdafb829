package io.mlgate.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpfTest {
    @Test
    void reproducesGlibcWhereGlibcIsNotCorrectlyRounded() {
        // inputs where glibc's expf (what xgboost4j calls) is one ulp above the correctly rounded e^x,
        // found by comparing glibc 2.36 expf with (float) exp(double) over all floats in [-8, -1]
        assertThat(Float.floatToIntBits(Expf.exp(Float.intBitsToFloat(0xbf801ac5)))).isEqualTo(0x3ebc3352);
        assertThat(Float.floatToIntBits(Expf.exp(Float.intBitsToFloat(0xbf8034f7)))).isEqualTo(0x3ebc0cd2);
        assertThat(Float.floatToIntBits(Expf.exp(Float.intBitsToFloat(0xbf8052d3)))).isEqualTo(0x3ebbe0f9);
    }

    @Test
    void staysWithinOneUlpOfTheCorrectlyRoundedValue() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float x = -90f * random.nextFloat();
            float exact = (float) StrictMath.exp(x);
            float ours = Expf.exp(x);
            if (!Float.isNaN(ours)) {
                assertThat(Math.abs(Float.floatToIntBits(ours) - Float.floatToIntBits(exact))).as("x = %s", x).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void handlesTheEdgesOfTheRange() {
        assertThat(Expf.exp(0f)).isEqualTo(1f);
        assertThat(Expf.exp(-0f)).isEqualTo(1f);
        assertThat(Expf.exp(-200f)).isEqualTo(0f);
        assertThat(Expf.exp(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
        assertThat(Expf.exp(100f)).isEqualTo(Float.POSITIVE_INFINITY);
    }
}
