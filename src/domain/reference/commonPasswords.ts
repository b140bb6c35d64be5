// Common passwords refused by the password policy (src/domain/passwordPolicy.ts), NIST SP 800-63B §5.1.1.2
// ("values known to be commonly-used, expected, or compromised" and "context-specific words, such as the
// name of the service").
//
// Source: a small built-in list, compiled by hand. The first two groups come from public top-password lists
// (Wikipedia "List of the most common passwords", which summarises the SplashData and NordPass yearly top
// lists and the UK NCSC "100k most pwned passwords" list; the SecLists "10k most common" list). The
// Vietnamese group holds the choices Vietnamese users are known to make first (romantic phrases such as
// anhyeuem, matkhau, places, the most common surnames and given names); the last groups are words tied to
// this service and to personnel work in state agencies. It is deliberately small (a few hundred entries):
// it catches the passwords people actually pick first, it is not a breach corpus. A deployment that wants
// more can check a larger list (or a k-anonymity breach API) on top of this one.
//
// Entries are lower-case, NFC, without diacritics. The policy also strips trailing digits/punctuation before
// looking a password up, so 'password' here also refuses 'Password2024!'; base words therefore matter more
// than their numbered variants, which are listed where people use them as a whole (e.g. 'password1234').

const LIST = [
  // Digit runs and keyboard patterns
  '123456', '123456789', '12345678', '12345', '1234567', '1234567890', '123123', '1234', '123', '111111',
  '000000', '654321', '666666', '121212', '112233', '123321', '987654321', '11111111', '88888888', '1111',
  '0000', '555555', '7777777', '131313', '159753', '147258369', '123654', '123123123', '1q2w3e4r', '1q2w3e',
  '1q2w3e4r5t', '1qaz2wsx', '1qaz2wsx3edc', 'zaq12wsx', 'qwerty', 'qwerty123', 'qwertyuiop', 'qwertyuiop12',
  'qwerty123456', 'qwer1234', 'qwe123', 'asdfgh', 'asdfghjkl', 'asdf1234', 'zxcvbnm', 'zxcvbn', 'azerty',
  'qazwsx', 'qweasd', 'qweasdzxc', '1234qwer', 'q1w2e3r4', 'a1b2c3', 'a1b2c3d4', 'abc123', 'abcd1234',
  'abcd1234abcd', 'abc12345', 'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghijkl', '123456789012', '12345678910',
  '123456789a', '123456a', '12345a', 'a123456', 'a12345678', '1234abcd', 'aa123456', 'aaaaaa', 'aaaaaaaa',
  'zzzzzz', '147258', '789456123', '741852963', '1111111111', '0123456789', '999999', '101010',
  '112233445566',

  // English words and names from the yearly top lists
  'password', 'password1', 'password12', 'password123', 'password1234', 'passwordpassword', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'pass', 'pass123', 'pass1234', 'passpass', 'pa55word', 'letmein', 'welcome',
  'welcome1', 'welcome123', 'iloveyou', 'iloveyou1', 'iloveyou1234', 'iloveu', 'loveyou', 'lovely', 'love',
  'admin', 'admin123', 'admin1234', 'administrator', 'root', 'toor', 'user', 'guest', 'test', 'test123',
  'test1234', 'testtest', 'demo', 'default', 'changeme', 'secret', 'master', 'login', 'access', 'trustno1',
  'monkey', 'dragon', 'football', 'baseball', 'soccer', 'hockey', 'basketball', 'superman', 'batman',
  'spiderman', 'starwars', 'pokemon', 'naruto', 'princess', 'sunshine', 'shadow', 'michael', 'jennifer',
  'jessica', 'charlie', 'daniel', 'thomas', 'jordan', 'hunter', 'ashley', 'nicole', 'michelle', 'tigger',
  'freedom', 'whatever', 'hello', 'hello123', 'helloworld', 'flower', 'cheese', 'computer', 'internet',
  'mustang', 'harley', 'ranger', 'buster', 'killer', 'pepper', 'ginger', 'summer', 'winter', 'autumn',
  'spring', 'matrix', 'samsung', 'apple', 'google', 'facebook', 'linkedin', 'chocolate', 'cookie',
  'butterfly', 'purple', 'orange', 'banana', 'silver', 'golden', 'diamond', 'angel', 'angels', 'babygirl',
  'baby', 'family', 'friends', 'forever', 'lovelove', 'loveme', 'qwertyui', 'maggie', 'andrew', 'joshua',
  'robert', 'matthew', 'anthony', 'william', 'taylor', 'george', 'liverpool', 'chelsea', 'arsenal',
  'manchester', 'barcelona', 'juventus', 'realmadrid', 'ronaldo', 'messi', 'yankees', 'cowboys', 'dallas',
  'letmein123', 'blink182', 'biteme', 'zaq1zaq1', 'money', 'security', 'computer1',

  // Vietnamese-flavoured
  'matkhau', 'matkhau123', 'matkhau1234', 'matkhaumoi', 'anhyeuem', 'anhyeuem1', 'anhyeuem123',
  'anhyeuem1234', 'emyeuanh', 'emyeuanh123', 'emyeuanh1234', 'yeuem', 'yeuanh', 'yeuemnhieu',
  'anhyeuemnhieu', 'emyeuanhnhieu', 'iloveyouvn', 'vietnam', 'vietnam123', 'vietnam12345', 'vietnamvodich',
  'vodich', 'hanoi', 'hanoi123', 'saigon', 'saigon123', 'hochiminh', 'danang', 'haiphong', 'hue', 'cantho',
  'nhatrang', 'dalat', 'xinchao', 'xinchao123', 'tamet', 'hihihi', 'hahaha', 'huhuhu', 'hehehe', 'conmeo',
  'concho', 'hoangtu', 'congchua', 'thienthan', 'mai', 'maimai', 'giadinh', 'giadinh123', 'banbe',
  'hanhphuc', 'hanhphuc123', 'thanhcong', 'thanhcong123', 'nguyen', 'nguyen123', 'tran', 'le', 'pham',
  'hoang', 'phan', 'vu', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'linh', 'trang', 'huong', 'thao',
  'ngoc', 'nhung', 'hoa', 'lan', 'anh', 'minh', 'tuan', 'hung', 'dung', 'long', 'nam', 'quang', 'thanh',
  'hieu', 'duc', 'son', 'khanh', 'phuong', 'tinhyeu', 'tinhyeu123', 'thanglong', 'bachkhoa',

  // Personnel work in state agencies (context-specific words)
  'coquan', 'congvu', 'congchuc', 'vienchuc', 'canbo', 'nhansu', 'tochuc', 'bonoivu', 'ubnd', 'sonoivu',
  'tccb', 'hanhchinh', 'vanthu', 'ketoan', 'taichinh',

  // This system ("hồ sơ") and its obvious variants
  'hoso', 'hoso123', 'hoso1234', 'hosocanbo', 'hosonhansu', 'quanlyhoso', 'quanlycanbo',
]

/** Lower-case, NFC, ASCII (no diacritics) common passwords; see the header comment for the source. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.map((p) => p.normalize('NFC').toLowerCase()))
