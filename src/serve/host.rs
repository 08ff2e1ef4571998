//! Which `Host` headers `kheo serve` answers: only names of the server itself. A page on
//! another site that rebinds its own name to 127.0.0.1 (DNS rebinding) still sends its
//! own name as `Host`, so refusing unknown names keeps drafts away from it. IP literals
//! are safe (a browser sends one only when the user typed it); other names are not.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// The `Host` values one server accepts.
#[derive(Debug, Clone)]
pub(super) struct Hosts {
    port: u16,
    /// The `--bind` value as given, lower case (may be a name such as `localhost`).
    bind: String,
    /// The address actually bound.
    ip: IpAddr,
}

impl Hosts {
    /// The hosts of a server started with `--bind bind` and listening on `addr`.
    pub(super) fn new(bind: &str, addr: SocketAddr) -> Hosts {
        Hosts {
            port: addr.port(),
            bind: bind.trim_matches(['[', ']']).to_ascii_lowercase(),
            ip: addr.ip(),
        }
    }

    /// Whether a request with this `Host` (`None`: no header) from `peer` is for us:
    /// `localhost`, a loopback IP, the bind address, or (bound to every interface) any IP
    /// literal, each with our port (or none when the port is 80). Without a `Host`
    /// (HTTP/1.0 tools) only local clients are answered; a browser always sends one.
    pub(super) fn allows(&self, host: Option<&str>, peer: IpAddr) -> bool {
        let Some(host) = host else {
            return peer.is_loopback();
        };
        let Some((name, port)) = split(host) else {
            return false;
        };
        if port.unwrap_or(80) != self.port {
            return false;
        }
        let name = name.to_ascii_lowercase();
        if name == "localhost" || name == self.bind {
            return true;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.ip || self.ip.is_unspecified(),
            Err(_) => false,
        }
    }
}

/// `name[:port]` or `[v6][:port]` into the name (brackets removed) and the port.
fn split(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => {
            let (v6, after) = rest.split_once(']')?;
            v6.parse::<Ipv6Addr>().ok()?;
            match after {
                "" => (v6, None),
                _ => (v6, Some(after.strip_prefix(':')?)),
            }
        }
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    if name.is_empty() {
        return None;
    }
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(p.parse().ok()?),
        Some(_) => return None,
    };
    Some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bind: &str, addr: &str) -> Hosts {
        Hosts::new(bind, addr.parse().expect("socket address"))
    }

    const LOCAL: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    const LAN_PEER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 168, 1, 20));

    #[test]
    fn loopback_server_answers_only_its_own_names() {
        let h = hosts("127.0.0.1", "127.0.0.1:1111");
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
        ] {
            assert!(h.allows(Some(ok), LOCAL), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "evil.example",
            "127.0.0.1:1112",
            "127.0.0.1",
            "localhost",
            "192.168.1.5:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "[localhost]:1111",
            "::1:1111",
            "127.0.0.1:+1111",
            "127.0.0.1:",
            ":1111",
            "",
            "127.0.0.1:1111 ",
        ] {
            assert!(!h.allows(Some(bad), LOCAL), "{bad:?}");
        }
    }

    #[test]
    fn port_80_may_be_left_out() {
        let h = hosts("127.0.0.1", "127.0.0.1:80");
        assert!(h.allows(Some("localhost"), LOCAL));
        assert!(h.allows(Some("127.0.0.1"), LOCAL));
        assert!(h.allows(Some("[::1]"), LOCAL));
        assert!(h.allows(Some("127.0.0.1:80"), LOCAL));
        assert!(!h.allows(Some("evil.example"), LOCAL));
    }

    #[test]
    fn a_server_on_every_interface_answers_ip_literals_but_not_names() {
        let h = hosts("0.0.0.0", "0.0.0.0:8080");
        assert!(h.allows(Some("192.168.1.5:8080"), LAN_PEER));
        assert!(h.allows(Some("10.0.0.2:8080"), LAN_PEER));
        assert!(h.allows(Some("[fd00::5]:8080"), LAN_PEER));
        assert!(h.allows(Some("localhost:8080"), LOCAL));
        assert!(!h.allows(Some("my-laptop.local:8080"), LAN_PEER));
        assert!(!h.allows(Some("evil.example:8080"), LAN_PEER));
        assert!(!h.allows(Some("192.168.1.5:8081"), LAN_PEER));
    }

    #[test]
    fn the_bind_address_is_a_name_of_the_server() {
        let h = hosts("192.168.1.5", "192.168.1.5:8080");
        assert!(h.allows(Some("192.168.1.5:8080"), LAN_PEER));
        assert!(!h.allows(Some("192.168.1.6:8080"), LAN_PEER));
        let named = hosts("localhost", "127.0.0.1:8080");
        assert!(named.allows(Some("localhost:8080"), LOCAL));
        let v6 = hosts("::1", "[::1]:8080");
        assert!(v6.allows(Some("[::1]:8080"), LOCAL));
    }

    #[test]
    fn no_host_is_answered_for_local_clients_only() {
        let h = hosts("0.0.0.0", "0.0.0.0:8080");
        assert!(h.allows(None, LOCAL));
        assert!(!h.allows(None, LAN_PEER));
    }
}
