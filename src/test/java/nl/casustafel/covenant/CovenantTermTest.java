package nl.casustafel.covenant;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CovenantTermTest {

    private final Covenant covenant = new Covenant(1L, "c", "Convenant", "1.0", LocalDate.of(2024, 9, 1), 2, 1);

    @Test
    void firstTermIsTwoYears() {
        assertEquals(LocalDate.of(2026, 9, 1), covenant.currentTermEnd(LocalDate.of(2025, 1, 1)));
    }

    @Test
    void afterTheFirstTermItRenewsYearly() {
        assertEquals(LocalDate.of(2027, 9, 1), covenant.currentTermEnd(LocalDate.of(2026, 11, 25)));
        assertEquals(LocalDate.of(2028, 9, 1), covenant.currentTermEnd(LocalDate.of(2027, 9, 1)));
    }
}
