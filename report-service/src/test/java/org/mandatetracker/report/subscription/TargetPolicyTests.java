package org.mandatetracker.report.subscription;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook targets are read as a browser reads them, and IPv4 addresses written in any other form are refused. */
class TargetPolicyTests {

    private final TargetPolicy privateAllowed = new TargetPolicy(true);
    private final TargetPolicy publicOnly = new TargetPolicy(false);

    @ParameterizedTest
    @CsvSource({
            "0177.0.0.1, 127.0.0.1",
            "0x7f.1, 127.0.0.1",
            "2130706433, 127.0.0.1",
            "127.1, 127.0.0.1",
            "0x7f000001, 127.0.0.1",
            "017700000001, 127.0.0.1",
            "0X7F.0.0.1, 127.0.0.1",
            "127.0.0.1., 127.0.0.1",
            "10.0.258, 10.0.1.2",
            "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
            "1.2.3.4, 1.2.3.4",
            "0x, 0.0.0.0"})
    void readsIpv4FormsAsTheWhatwgUrlStandardDoes(String host, String address) {
        assertThat(Ipv4Host.isIpv4(host)).isTrue();
        assertThat(Ipv4Host.parse(host)).contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "1.example", "0x7g", "a.0x7g", "localhost", "xn--bcher-kva.example"})
    void takesHostsThatDoNotEndInANumberForDomainNames(String host) {
        assertThat(Ipv4Host.isIpv4(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "09.1.1.1", "1..2.3", "4294967296", "1.2.65536"})
    void findsNoAddressWhereABrowserFindsNone(String host) {
        assertThat(Ipv4Host.isIpv4(host)).isTrue();
        assertThat(Ipv4Host.parse(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0177.0.0.1/hook", "http://0x7f.1/hook", "http://2130706433/hook",
            "http://127.1:8080/hook", "http://0x7f000001/", "http://127.0.0.1./hook", "http://00127.0.0.1/",
            "http://0xa9.0xfe.0xa9.0xfe/latest", "http://256.0.0.1/", "http://user@0177.0.0.1/"})
    void refusesIpv4AddressesWrittenOtherThanAsFourDecimalNumbers(String url) {
        assertThat(privateAllowed.refusal(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "https://127.0.0.1/hook", "http://[::1]:9000/hook"})
    void acceptsLoopbackWrittenPlainlyOnlyWhenPrivateTargetsAreAllowed(String url) {
        assertThat(privateAllowed.refusal(url)).as(url).isEmpty();
        assertThat(publicOnly.refusal(url)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "http://[fe80::1]/hook",
            "http://[::ffff:169.254.169.254]/", "http://0.0.0.0/"})
    void refusesLinkLocalMetadataAndUnspecifiedAddresses(String url) {
        assertThat(publicOnly.refusal(url)).as(url).isPresent();
    }
}
