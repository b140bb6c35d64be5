import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
} from '../../src/domain/passwordPolicy'
import { COMMON_PASSWORDS } from '../../src/domain/reference/commonPasswords'

// Messages transcribed from the brief, independently of the module under test.
const TOO_SHORT = {
  vi: 'Mật khẩu phải có ít nhất 12 ký tự (hoặc là một cụm từ gồm ít nhất 4 từ)',
  en: 'The password must have at least 12 characters (or be a passphrase of at least 4 words)',
}
const COMMON = { vi: 'Mật khẩu quá phổ biến, dễ bị đoán', en: 'This password is too common and easy to guess' }
const PERSONAL = {
  vi: 'Mật khẩu không được chứa email hoặc họ tên của bạn',
  en: 'The password must not contain your e-mail or name',
}

const HUONG = { email: 'nguyen.huong@bnv.gov.vn', fullName: 'Nguyễn Thị Hường' }

/** English messages of the issues, for short assertions. */
function problems(password: string, context?: Parameters<typeof checkPassword>[1]): string[] {
  return checkPassword(password, context).map((i) => i.en)
}

describe('length', () => {
  test('passwords under 12 characters are refused with the bilingual message', () => {
    for (const pw of ['a', 'tg7#Lq2', 'tg7#Lq2!mZp']) {
      expect(checkPassword(pw)).toEqual([{ field: 'password', ...TOO_SHORT }])
    }
  })

  test('an empty password is refused', () => {
    const issues = checkPassword('')
    expect(issues).toHaveLength(1)
    expect(issues[0].field).toBe('password')
  })

  test('a random 12-character password is accepted', () => {
    expect(checkPassword('tg7#Lq2!mZp0')).toEqual([])
    expect(checkPassword('tg7#Lq2!mZp0', HUONG)).toEqual([])
  })

  test('length counts characters after NFC, not UTF-16 units of decomposed input', () => {
    // 12 letters once composed; far more code units when typed decomposed (NFD).
    const twelve = 'ướcmơbaylên7'
    expect(Array.from(twelve)).toHaveLength(12)
    expect(twelve.normalize('NFD').length).toBeGreaterThan(12)
    expect(checkPassword(twelve.normalize('NFD'))).toEqual([])
    const eleven = 'ướcmơbaylên'
    expect(eleven.normalize('NFD').length).toBeGreaterThanOrEqual(12)
    expect(problems(eleven.normalize('NFD'))).toEqual([TOO_SHORT.en])
  })

  test('a Vietnamese passphrase of at least 4 words is accepted, also for a named person', () => {
    expect(checkPassword('cây đa bến nước sân đình')).toEqual([])
    expect(checkPassword('cây đa bến nước sân đình', HUONG)).toEqual([])
    expect(checkPassword('cây đa bến nước sân đình'.normalize('NFD'), HUONG)).toEqual([])
  })

  test('no composition rules: lower-case letters only are fine when long enough', () => {
    expect(checkPassword('tất cả chữ thường thôi')).toEqual([])
    expect(checkPassword('onlylowercaseletters')).toEqual([])
  })

  test('at most 256 characters', () => {
    const ok = 'tg7#Lq2!mZp0'.repeat(30).slice(0, PASSWORD_MAX_LENGTH)
    expect(ok).toHaveLength(256)
    expect(checkPassword(ok)).toEqual([])
    const tooLong = checkPassword(ok + 'x')
    expect(tooLong).toHaveLength(1)
    expect(tooLong[0].field).toBe('password')
    expect(tooLong[0].en).toMatch(/256/)
    expect(tooLong[0].vi).toMatch(/256 ký tự/)
  })
})

describe('common passwords', () => {
  test('common passwords are refused, case-insensitively', () => {
    for (const pw of ['password1234', 'PASSWORD1234', 'administrator', 'qwertyuiop12', 'iloveyou1234', 'anhyeuem1234', 'vietnam12345', 'passwordpassword', 'abcd1234abcd']) {
      expect(problems(pw)).toEqual([COMMON.en])
    }
  })

  test('short common passwords get both the length and the common message', () => {
    expect(checkPassword('password')).toEqual([
      { field: 'password', ...TOO_SHORT },
      { field: 'password', ...COMMON },
    ])
    expect(problems('123456')).toEqual([TOO_SHORT.en, COMMON.en])
  })

  test('trailing (or leading) digits and punctuation do not hide a common password', () => {
    expect(problems('Password2024!')).toEqual([COMMON.en])
    expect(problems('matkhau123456')).toEqual([COMMON.en])
    expect(problems('anhyeuem@2026')).toEqual([COMMON.en])
    expect(problems('2026!Saigon!2026')).toEqual([COMMON.en])
    expect(problems('hoso2026!!!!')).toEqual([COMMON.en])
  })

  test('diacritics, spaces and decomposed input do not hide a common password', () => {
    expect(problems('Mật khẩu 2024!!')).toEqual([COMMON.en])
    expect(problems('Mật khẩu 2024!!'.normalize('NFD'))).toEqual([COMMON.en])
    expect(problems('Việt Nam vô địch')).toEqual([COMMON.en])
  })

  test('a common word inside a longer password is not refused by the list', () => {
    expect(checkPassword('my password is long and odd')).toEqual([])
  })

  test('every entry of 12+ characters is refused on its own', () => {
    const long = [...COMMON_PASSWORDS].filter((p) => p.length >= 12)
    expect(long.length).toBeGreaterThanOrEqual(9)
    for (const pw of long) expect(problems(pw)).toContain(COMMON.en)
  })
})

describe('COMMON_PASSWORDS', () => {
  test('holds a few hundred lower-case NFC entries including the well-known ones', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(250)
    for (const pw of COMMON_PASSWORDS) {
      expect(pw).toBe(pw.normalize('NFC').toLowerCase())
      expect(pw.length).toBeGreaterThan(0)
    }
    for (const pw of [
      '123456', 'password', 'qwerty', '12345678', '111111', 'abc123', 'iloveyou', 'admin', 'welcome', 'matkhau',
      'anhyeuem', 'emyeuanh', 'vietnam', 'hanoi', 'saigon', 'matkhau123', 'hoso', 'qwertyuiop12', 'password1234',
      '123456789012', 'iloveyou1234', 'abcd1234abcd', 'passwordpassword', 'administrator', 'vietnam12345',
      'anhyeuem1234',
    ]) {
      expect(COMMON_PASSWORDS.has(pw)).toBe(true)
    }
  })

  test('does not list the demo password, which stays usable for the demo accounts', () => {
    expect(COMMON_PASSWORDS.has('hoso-demo-2026')).toBe(false)
    expect(checkPassword('hoso-demo-2026', { email: 'admin@hoso.local', fullName: 'Quản trị hệ thống' })).toEqual([])
  })
})

describe('personal data', () => {
  test('the e-mail local part is refused', () => {
    expect(problems('nguyen.huong2026!', { email: HUONG.email })).toEqual([PERSONAL.en])
    expect(checkPassword('nguyen.huong2026!', { email: HUONG.email })).toEqual([{ field: 'password', ...PERSONAL }])
  })

  test('the local part is found without separators or case, and by its pieces', () => {
    expect(problems('NguyenHuong#2026', { email: HUONG.email })).toEqual([PERSONAL.en])
    expect(problems('xx-HUONG-tg7#Lq2', { email: HUONG.email })).toEqual([PERSONAL.en])
  })

  test('a local part under 4 characters is not checked', () => {
    expect(checkPassword('an-tg7#Lq2!mZp0', { email: 'an@bnv.gov.vn' })).toEqual([])
  })

  test('name words of 4+ letters are refused accent-insensitively', () => {
    expect(problems('huongxinh2026!!', { fullName: 'Nguyễn Thị Hường' })).toEqual([PERSONAL.en])
    expect(problems('Hường xinh 2026!', { fullName: 'Nguyen Thi Huong' })).toEqual([PERSONAL.en])
    expect(problems('huongxinh2026!!', { fullName: 'Nguyễn Thị Hường'.normalize('NFD') })).toEqual([PERSONAL.en])
    expect(problems('ĐĂNGquang-tg7#Lq2', { fullName: 'Đặng Văn Quang' })).toEqual([PERSONAL.en])
  })

  test('name words under 4 letters are not checked', () => {
    expect(checkPassword('thichdibo2026!', { fullName: 'Nguyễn Thị Hường' })).toEqual([])
  })

  test('missing or null context is fine', () => {
    expect(checkPassword('huongxinh2026!!')).toEqual([])
    expect(checkPassword('huongxinh2026!!', { email: null, fullName: null })).toEqual([])
  })
})

describe('repeats and sequences', () => {
  test('the brief examples are refused', () => {
    for (const pw of ['123456789012', 'abcdefghijkl', 'qwertyuiopas']) {
      expect(checkPassword(pw).length).toBeGreaterThan(0)
    }
  })

  test('repeated characters, short repeated units and simple sequences get the pattern message', () => {
    for (const pw of [
      'zzzzzzzzzzzz',
      '            ',
      'abababababab',
      '123412341234',
      '234567890123',
      '987654321098',
      'ABCDEFGHIJKLM',
      'mlkjihgfedcba',
      'wertyuiopasd',
      'lkjhgfdsapoiu',
      '1qaz2wsx3edc4rfv',
      '2345-6789-0123',
      'bcdefg234567',
      'bbbbbb777777',
    ]) {
      const issues = problems(pw)
      expect(issues).toHaveLength(1)
      expect(issues[0]).toMatch(/repeated character or a simple sequence/)
    }
    expect(checkPassword('zzzzzzzzzzzz')[0].vi).toMatch(/^Mật khẩu không được là một ký tự lặp lại hoặc một dãy đơn giản/)
  })

  test('a sequence that is also a common password gets a single "easy to guess" message', () => {
    expect(problems('123456789012')).toEqual([COMMON.en])
    expect(problems('1234-5678-9012')).toEqual([COMMON.en])
    expect(problems('abcdef123456')).toEqual([COMMON.en])
  })

  test('passwords that merely contain a short run are accepted', () => {
    expect(checkPassword('abc tg7#Lq2!mZp0')).toEqual([])
    expect(checkPassword('1234 cây đa đầu làng')).toEqual([])
    expect(checkPassword('biển biển đa đa')).toEqual([])
  })
})
