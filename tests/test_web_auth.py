"""Passwords hashed with scrypt, tokens kept as hashes, and failed logins limited."""

from evalkit.web import auth


def test_a_password_verifies_only_itself():
    """The stored hash is scrypt with a salt; only the right password verifies."""
    stored = auth.hash_password("正确的密码")
    assert stored.startswith("scrypt$16384$8$1$") and "正确的密码" not in stored
    assert auth.verify_password("正确的密码", stored)
    assert not auth.verify_password("错误的密码", stored)
    assert auth.hash_password("正确的密码") != stored  # a new salt each time


def test_a_damaged_hash_verifies_nothing():
    """A hash that is not ours is refused, not an error."""
    assert not auth.verify_password("x", "")
    assert not auth.verify_password("x", "md5$1$2$3$abc$def")


def test_handed_out_passwords_and_tokens_differ():
    """Each password and token is new, and a token's hash is not the token."""
    assert len({auth.new_password() for _ in range(50)}) == 50
    token = auth.new_token()
    assert auth.token_hash(token) != token and len(auth.token_hash(token)) == 64


def test_the_limiter_blocks_a_name_after_the_allowed_failures_and_forgets_after_the_window():
    """Five failures block a user name from any address until the window passes."""
    now = [0.0]
    limiter = auth.LoginLimiter(tries=5, window=300, clock=lambda: now[0])
    for _ in range(5):
        assert not limiter.blocked("甲镇", "10.0.0.1")
        limiter.failed("甲镇", "10.0.0.1")
    assert limiter.blocked("甲镇", "10.0.0.9") and not limiter.blocked("乙镇", "10.0.0.1")
    now[0] = 301
    assert not limiter.blocked("甲镇", "10.0.0.1")


def test_the_limiter_blocks_an_address_that_tries_many_names():
    """One address guessing many names is blocked after ADDRESS_FACTOR times the tries."""
    limiter = auth.LoginLimiter(tries=5, window=300, clock=lambda: 0.0)
    for n in range(5 * auth.ADDRESS_FACTOR):
        limiter.failed(f"镇{n}", "10.0.0.1")
    assert limiter.blocked("新名字", "10.0.0.1") and not limiter.blocked("新名字", "10.0.0.2")


def test_the_limiter_remembers_only_the_failures_of_one_window():
    """Names asked about or failed long ago leave nothing behind: many guessed names cost bounded memory."""
    now = [0.0]
    limiter = auth.LoginLimiter(tries=5, window=300, clock=lambda: now[0])
    for n in range(100):
        assert not limiter.blocked(f"猜测{n}", "10.0.0.1")
    assert limiter.failures == {}
    limiter.failed("甲镇", "10.0.0.1")
    now[0] = 301
    assert not limiter.blocked("乙镇", "10.0.0.2") and limiter.failures == {}
