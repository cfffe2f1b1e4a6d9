package io.paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class MailboxTest {

    @ParameterizedTest(name = "{0} reaches {1}")
    @CsvSource({
        "victim@example.org, victim@example.org",
        "Victim@Example.ORG, victim@example.org",
        "victim+1@example.org, victim@example.org",
        "victim+a+b@example.org, victim@example.org",
        "VICTIM+Newsletter@example.org, victim@example.org",
        "'  victim@example.org  ', victim@example.org",
        "victim@example.org., victim@example.org",
        "first.last@example.org, first.last@example.org",
        "first.last@gmail.com, firstlast@gmail.com",
        "F.i.R.s.T+x@GoogleMail.com, first@gmail.com",
        "+tag@example.org, +tag@example.org",
        "no-at-sign, no-at-sign",
    })
    void anAddress_countsAsTheMailboxItIsDeliveredTo(String address, String mailbox) {
        assertThat(Mailbox.of(address)).isEqualTo(mailbox);
    }

    @ParameterizedTest(name = "{0} and {1} are different mailboxes")
    @CsvSource({
        "victim@example.org, victim@example.net",
        "victim@example.org, victim1@example.org",
        "first.last@example.org, firstlast@example.org",
        "victim-1@example.org, victim@example.org",
    })
    void differentMailboxes_stayApart(String one, String other) {
        assertThat(Mailbox.of(one)).isNotEqualTo(Mailbox.of(other));
    }
}
