import { APIError, type CollectionBeforeLoginHook } from 'payload'

/** A disabled account (the person has left) cannot sign in; its data stays. */
export const refuseDisabledLogin: CollectionBeforeLoginHook = ({ user, req }) => {
  if (user?.disabled) {
    const en = req.i18n?.language === 'en'
    const message = en ? 'This account has been disabled' : 'Tài khoản này đã bị vô hiệu hóa'
    // `data` must be set: REST only passes an APIError's message on when it carries data.
    throw new APIError(message, 403, { errors: [{ path: 'email', message }] }, true)
  }
  return user
}
