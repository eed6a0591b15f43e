/**
 * Published known-answer vectors, run through both providers and the public modules.
 *
 * Ed25519: RFC 8032 §7.1 (https://www.rfc-editor.org/rfc/rfc8032#section-7.1), TEST 1, 2, 3 and
 * TEST SHA(abc). "SECRET KEY" there is the 32-byte seed.
 *
 * NaCl box / secretbox: the classic vectors of the NaCl distribution's tests/box.c and
 * tests/secretbox.c, as kept in libsodium's test/default/box.c, secretbox.c and box.exp
 * (https://github.com/jedisct1/libsodium/tree/master/test/default). alicesk/bobsk and their public
 * keys are also RFC 7748 §6.1's X25519 vectors; firstkey = crypto_box_beforenm(bobpk, alicesk).
 * The C tests pad with 32 zero bytes in front (the old NaCl API); the vectors below drop that
 * padding, which is exactly the "easy" layout both providers use: MAC(16) || ciphertext.
 */
import nacl from 'tweetnacl'
import { describe, expect, it } from 'vitest'
import { openBox } from '../../../core/crypto/box.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { openSecret } from '../../../core/crypto/secretbox.ts'
import { sign, verifySignature } from '../../../core/crypto/sign.ts'
import { concat, hex, toHex } from './support.ts'

const providers = [referenceProvider, fastProvider]

const RFC8032 = [
  {
    name: 'TEST 1',
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    pk: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    msg: '',
    sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    pk: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    msg: '72',
    sig: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3',
    seed: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    pk: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    msg: 'af82',
    sig: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
  {
    name: 'TEST SHA(abc)',
    seed: '833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42',
    pk: 'ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf',
    msg: 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    sig: 'dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704',
  },
]

describe('RFC 8032 §7.1 Ed25519', () => {
  it('the SHA(abc) message really is SHA-512("abc") (both providers)', () => {
    for (const pr of providers) expect(toHex(pr.sha512(new TextEncoder().encode('abc')))).toBe(RFC8032[3]!.msg)
  })

  for (const v of RFC8032) {
    it(`${v.name}: public key, signature and verification`, () => {
      for (const pr of providers) {
        const kp = pr.signKeyPairFromSeed(hex(v.seed))
        expect(toHex(kp.publicKey)).toBe(v.pk)
        expect(toHex(kp.secretKey)).toBe(v.seed + v.pk)
        expect(toHex(pr.sign(hex(v.msg), kp.secretKey))).toBe(v.sig)
        expect(toHex(sign(hex(v.msg), kp.secretKey, pr))).toBe(v.sig)
        expect(verifySignature(hex(v.sig), hex(v.msg), hex(v.pk), pr)).toBe(true)
      }
    })
  }
})

const ALICE_SK = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'
const ALICE_PK = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'
const BOB_SK = '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb'
const BOB_PK = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f'
const FIRSTKEY = '1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389'
const NONCE = '69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37'
const MESSAGE =
  'be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc' +
  'e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31' +
  '0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde' +
  '048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864' +
  '5e0705'
/** box.exp: bytes 16..163 of the padded output = MAC || ciphertext. */
const BOXED =
  'f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce' +
  '48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972' +
  '71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae' +
  '90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3' +
  '7973f622a43d14a6599b1f654cb45a74e355a5'

describe('NaCl box / secretbox vectors (tests/box.c, tests/secretbox.c)', () => {
  it('the vectors have the documented lengths', () => {
    expect(hex(MESSAGE).length).toBe(131)
    expect(hex(BOXED).length).toBe(131 + 16)
  })

  it('alice and bob public keys (RFC 7748 §6.1) and firstkey = beforenm(bobpk, alicesk)', () => {
    expect(toHex(nacl.box.keyPair.fromSecretKey(hex(ALICE_SK)).publicKey)).toBe(ALICE_PK)
    expect(toHex(nacl.box.keyPair.fromSecretKey(hex(BOB_SK)).publicKey)).toBe(BOB_PK)
    expect(toHex(nacl.box.before(hex(BOB_PK), hex(ALICE_SK)))).toBe(FIRSTKEY)
  })

  it('box(alice → bob) gives the published bytes and opens on the other side (both providers)', () => {
    for (const pr of providers) {
      expect(toHex(pr.boxSeal(hex(MESSAGE), hex(NONCE), hex(BOB_PK), hex(ALICE_SK)))).toBe(BOXED)
      expect(toHex(pr.boxOpen(hex(BOXED), hex(NONCE), hex(ALICE_PK), hex(BOB_SK))!)).toBe(MESSAGE)
      expect(toHex(openBox(concat(hex(NONCE), hex(BOXED)), hex(ALICE_PK), hex(BOB_SK), pr))).toBe(MESSAGE)
    }
  })

  it('secretbox(firstkey) gives the same published bytes (both providers)', () => {
    for (const pr of providers) {
      expect(toHex(pr.secretboxSeal(hex(MESSAGE), hex(NONCE), hex(FIRSTKEY)))).toBe(BOXED)
      expect(toHex(pr.secretboxOpen(hex(BOXED), hex(NONCE), hex(FIRSTKEY))!)).toBe(MESSAGE)
      expect(toHex(openSecret(hex(FIRSTKEY), concat(hex(NONCE), hex(BOXED)), pr))).toBe(MESSAGE)
    }
  })
})
