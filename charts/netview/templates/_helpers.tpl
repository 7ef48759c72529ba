{{- define "netview.fullname" -}}
{{- printf "%s" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "netview.labels" -}}
app.kubernetes.io/name: netview
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "netview.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{ .root.Values.image.registry }}/{{ .name }}:{{ $tag }}
{{- end -}}

{{- define "netview.tokenSecret" -}}
{{- default (printf "%s-agent-token" (include "netview.fullname" .)) .Values.agent.existingSecret -}}
{{- end -}}
